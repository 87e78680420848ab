import Foundation
import GRDB
import PortalCore

// MARK: - Roles, memberships, removing a dataset from the catalog, audit queries

extension Catalog {
  /// Changes a user's role; refuses to leave the catalog without an owner.
  public func setRole(userID: Int64, to role: Role, audit: AuditEvent) throws -> User {
    try updateUser(userID, audit: audit) { user, db in
      if user.role == .owner && role != .owner { try Self.refuseLastOwner(user, in: db) }
      user.role = role
      return true
    }.user
  }

  /// Changes one user in one transaction with its audit event (before and after).
  /// `change` edits the user and returns false to leave it as it was (no event).
  func updateUser(
    _ userID: Int64, audit: AuditEvent, _ change: @escaping @Sendable (inout User, Database) throws -> Bool
  ) throws -> (user: User, changed: Bool) {
    try write { db in
      guard var user = try User.fetchOne(db, key: userID) else { throw StoreError.notFound(what: "the user") }
      let before = user
      guard try change(&user, db) else { return (user, false) }
      try user.update(db)
      var event = audit
      event.before = Self.json(before)
      event.after = Self.json(user)
      try AuditChain.append(event, in: db)
      return (user, true)
    }
  }

  /// Throws unless another enabled owner remains besides `user`.
  static func refuseLastOwner(_ user: User, in db: Database) throws {
    let owners = try User.filter(Column("role") == "owner" && Column("disabled_at") == nil).fetchCount(db)
    if owners <= 1 {
      throw StoreError.conflict("'\(user.login)' is the last owner; make someone else an owner first")
    }
  }

  /// Takes a user out of a group; false (and no event) when they were not in it.
  @discardableResult
  public func removeMember(userID: Int64, groupID: Int64, audit: AuditEvent) throws -> Bool {
    try write { db in
      try db.execute(
        sql: "DELETE FROM group_member WHERE group_id = ? AND user_id = ?", arguments: [groupID, userID])
      guard db.changesCount > 0 else { return false }
      try AuditChain.append(audit, in: db)
      return true
    }
  }

  /// The logins of a group's members.
  public func members(ofGroup groupID: Int64) throws -> [String] {
    try read { db in
      try String.fetchAll(
        db,
        sql: "SELECT u.login FROM user u JOIN group_member m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.login",
        arguments: [groupID])
    }
  }

  /// Removes a dataset from the catalog — its versions, sample index, grants,
  /// requests and jobs — never the files it was read from. Refuses when someone
  /// changed it since `expectedRevision`.
  public func removeDataset(id: Int64, expectedRevision: Int, audit: AuditEvent) throws {
    try write { db in
      guard let dataset = try Dataset.fetchOne(db, key: id) else { throw StoreError.notFound(what: "the dataset") }
      if dataset.revision != expectedRevision {
        throw StoreError.conflict("'\(dataset.name)' changed while you were confirming; check it and try again")
      }
      let counts = try Row.fetchOne(
        db,
        sql: """
          SELECT (SELECT count(*) FROM dataset_version WHERE dataset_id = ?) AS versions,
                 (SELECT count(*) FROM source_file WHERE dataset_id = ?) AS files,
                 (SELECT count(*) FROM "grant" WHERE dataset_id = ?) AS grants
          """, arguments: [id, id, id])
      try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [id])
      var event = audit
      event.datasetID = id
      event.before = Self.json(
        Removed(
          dataset: dataset, versions: counts?["versions"] ?? 0, files: counts?["files"] ?? 0,
          grants: counts?["grants"] ?? 0))
      try AuditChain.append(event, in: db)
    }
  }

  /// Audit events matching `filter`, oldest first (the newest `filter.limit`).
  public func auditEvents(_ filter: AuditFilter) throws -> [AuditEvent] {
    try read { db in
      var request = AuditEvent.order(Column("id").desc).limit(filter.limit)
      if let id = filter.datasetID { request = request.filter(Column("dataset_id") == id) }
      if let actor = filter.actor { request = request.filter(Column("actor") == actor) }
      if let action = filter.action {
        request = request.filter(
          sql: "action = ? OR substr(action, 1, ?) = ?",
          arguments: [action, action.unicodeScalars.count + 1, action + "."])
      }
      if let since = filter.since { request = request.filter(Column("at") >= since) }
      return try request.fetchAll(db).reversed()
    }
  }

  /// How many audit events there are (tests compare counts around a use case).
  public func auditEventCount() throws -> Int {
    try read { try AuditEvent.fetchCount($0) }
  }
}

/// What a removal recorded about the dataset it removed.
private struct Removed: Encodable {
  var dataset: Dataset
  var versions: Int
  var files: Int
  var grants: Int
}
