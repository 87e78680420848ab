import Foundation
import GRDB
import PortalCore

// MARK: - Writes about the catalog itself and its users; each one audited

extension Catalog {
  /// Fills a new catalog: its settings and its first owner, in one transaction.
  public func initialize(settings: [String: String], owner: User, audit: AuditEvent) throws -> User {
    try write { db in
      for (key, value) in settings { try Self.setMeta(key, value, in: db) }
      var user = owner
      try user.insert(db)
      try AuditChain.append(audit, in: db)
      return user
    }
  }

  /// Adds a user; refuses a login that exists.
  public func addUser(_ user: User, audit: AuditEvent) throws -> User {
    try write { db in
      if try User.filter(Column("login") == user.login).fetchCount(db) > 0 {
        throw StoreError.conflict("a user '\(user.login)' already exists")
      }
      var user = user
      try user.insert(db)
      try AuditChain.append(audit, in: db)
      return user
    }
  }

  /// Adds a partner group or lab team.
  public func addGroup(_ group: Group, audit: AuditEvent) throws -> Group {
    try write { db in
      if try Group.filter(Column("name") == group.name).fetchCount(db) > 0 {
        throw StoreError.conflict("a group '\(group.name)' already exists")
      }
      var group = group
      try group.insert(db)
      try AuditChain.append(audit, in: db)
      return group
    }
  }

  /// Puts a user in a group (idempotent).
  public func addMember(userID: Int64, groupID: Int64, audit: AuditEvent) throws {
    try write { db in
      try db.execute(
        sql: "INSERT OR IGNORE INTO group_member (group_id, user_id) VALUES (?, ?)", arguments: [groupID, userID])
      if db.changesCount > 0 { try AuditChain.append(audit, in: db) }
    }
  }

  /// The group with this name.
  public func group(named name: String) throws -> Group? {
    try read { try Group.filter(Column("name") == name).fetchOne($0) }
  }

  /// Every group and lab team.
  public func groups() throws -> [Group] {
    try read { try Group.order(Column("name")).fetchAll($0) }
  }

  /// The audit events, oldest first, optionally of one dataset.
  public func auditEvents(datasetID: Int64? = nil, limit: Int = 1000) throws -> [AuditEvent] {
    try read { db in
      var request = AuditEvent.order(Column("id").desc).limit(limit)
      if let datasetID { request = request.filter(Column("dataset_id") == datasetID) }
      return try request.fetchAll(db).reversed()
    }
  }

  /// Checks the audit chain.
  public func verifyAudit() throws -> AuditChain.Verification {
    try read { try AuditChain.verify(in: $0) }
  }
}
