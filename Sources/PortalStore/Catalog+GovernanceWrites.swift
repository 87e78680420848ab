import Foundation
import GRDB
import PortalCore

// MARK: - Governance effects: planned on fresh state, written all in one transaction

extension Catalog {
  /// Loads the governance state of `datasetIDs`, lets `plan` decide what to write
  /// from that state (re-checking inside the transaction what a preview showed), and
  /// writes every effect with its audit event — all in ONE transaction: all or none.
  /// Returns the audit events written.
  @discardableResult
  public func applyGovernance(
    datasetIDs: [Int64], actor: User, now: Date = Date(),
    plan: @Sendable ([GovernanceState]) throws -> [GovernanceWrite]
  ) throws -> [AuditEvent] {
    try write { db in
      let states = try datasetIDs.map { id in
        guard let state = try Self.governanceState(id, in: db) else {
          throw StoreError.conflict("a dataset was removed from the catalog since the preview; review the change again")
        }
        return state
      }
      return try plan(states).map { try Self.perform($0, actor: actor, now: now, in: db) }
    }
  }

  private static func perform(_ write: GovernanceWrite, actor: User, now: Date, in db: Database) throws -> AuditEvent {
    var event = write.audit
    event.datasetID = write.datasetID
    switch write.effect {
    case .setVisibility(let target):
      let (before, after) = try updateDataset(write.datasetID, now: now, in: db) { $0.visibility = target }
      try recordPublicationStep(to: target, dataset: after, actor: actor, now: now, in: db)
      event.before = json(before)
      event.after = json(after)
    case .setSensitivity(let level):
      let (before, after) = try updateDataset(write.datasetID, now: now, in: db) { $0.sensitivity = level }
      event.before = json(["sensitivity": before.sensitivity.rawValue])
      event.after = json(["sensitivity": after.sensitivity.rawValue])
    case .setTags(let tags):
      let (before, after) = try updateDataset(write.datasetID, now: now, in: db) { $0.tags = tags }
      event.before = json(["tags": before.tags])
      event.after = json(["tags": after.tags])
    case .addGrant(let grant, let replacing):
      if let replacing, let old = try revoke(replacing, actor: actor, now: now, in: db) {
        event.before = json(old)
      }
      var grant = grant
      grant.grantedAt = now
      try grant.insert(db)
      event.targetID = String(grant.id ?? 0)
      event.after = json(grant)
    case .revokeGrants(let ids):
      var before: [Grant] = []
      var after: [Grant] = []
      for id in ids {
        guard let old = try revoke(id, actor: actor, now: now, in: db) else {
          throw StoreError.conflict("grant #\(id) was revoked or expired since the preview; review the change again")
        }
        before.append(old)
        if let new = try Grant.fetchOne(db, key: id) { after.append(new) }
      }
      event.targetID = ids.map(String.init).joined(separator: ",")
      event.before = json(before)
      event.after = json(after)
    }
    return try AuditChain.append(event, in: db)
  }

  /// Keeps `publication_request` in step with a visibility change.
  private static func recordPublicationStep(
    to target: Visibility, dataset: Dataset, actor: User, now: Date, in db: Database
  ) throws {
    switch target {
    case .publicPending:
      try db.execute(
        sql: """
          INSERT INTO publication_request (dataset_id, version_id, requested_by, requested_at, state)
          VALUES (?, ?, ?, ?, 'pending')
          """, arguments: [dataset.id, dataset.currentVersionID, actor.id, now])
    case .private, .public:
      try db.execute(
        sql: """
          UPDATE publication_request SET state = ?, decided_by = ?, decided_at = ?
          WHERE dataset_id = ? AND state = 'pending'
          """, arguments: [target == .public ? "published" : "withdrawn", actor.id, now, dataset.id])
    }
  }

  /// Revokes one active grant; nil when it was not active.
  private static func revoke(_ id: Int64, actor: User, now: Date, in db: Database) throws -> Grant? {
    guard let old = try Grant.fetchOne(db, key: id), old.isActive(at: now) else { return nil }
    try db.execute(
      sql: #"UPDATE "grant" SET revoked_at = ?, revoked_by = ? WHERE id = ?"#, arguments: [now, actor.id, id])
    return old
  }

  /// Changes one dataset row, bumping its revision; returns before and after.
  static func updateDataset(
    _ id: Int64, now: Date, in db: Database, change: (inout Dataset) throws -> Void
  ) throws -> (Dataset, Dataset) {
    guard var dataset = try Dataset.fetchOne(db, key: id) else { throw StoreError.notFound(what: "the dataset") }
    let before = dataset
    try change(&dataset)
    dataset.revision = before.revision + 1
    dataset.updatedAt = now
    try dataset.update(db)
    return (before, dataset)
  }
}
