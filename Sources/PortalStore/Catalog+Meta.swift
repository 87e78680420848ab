import Foundation
import GRDB
import PortalCore

// MARK: - Catalog-wide settings and people

extension Catalog {
  /// A value from `catalog_meta` (catalog id, demo marker, organisation name…).
  public func meta(_ key: String) throws -> String? {
    try read { try String.fetchOne($0, sql: "SELECT value FROM catalog_meta WHERE key = ?", arguments: [key]) }
  }

  /// Sets a `catalog_meta` value inside a caller's transaction.
  public static func setMeta(_ key: String, _ value: String, in db: Database) throws {
    // Cached: every audited write sets the audit head.
    try db.cachedStatement(
      sql: """
        INSERT INTO catalog_meta(key, value) VALUES (?, ?)
        ON CONFLICT(key) DO UPDATE SET value = excluded.value
        """
    ).execute(arguments: [key, value])
  }

  /// The user with this login, if any.
  public func user(login: String) throws -> User? {
    try read { try User.filter(Column("login") == login).fetchOne($0) }
  }

  /// The user with this id, if any.
  public func user(id: Int64) throws -> User? {
    try read { try User.fetchOne($0, key: id) }
  }

  /// Every user, by login.
  public func users() throws -> [User] {
    try read { try User.order(Column("login")).fetchAll($0) }
  }

  /// The names of the groups (partner teams and lab teams) a user belongs to.
  public func groupNames(ofUser userID: Int64) throws -> [String] {
    try read { db in
      try String.fetchAll(
        db,
        sql: """
          SELECT g.name FROM principal_group g JOIN group_member m ON m.group_id = g.id
          WHERE m.user_id = ? ORDER BY g.name
          """, arguments: [userID])
    }
  }
}
