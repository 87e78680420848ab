import Foundation
import GRDB
import PortalCore

// MARK: - Access requests and sign-offs: each write one transaction with its event

extension Catalog {
  /// Access requests matching the filters, newest first.
  public func accessRequests(
    datasetIDs: [Int64]? = nil, requestedBy: Int64? = nil, states: [AccessRequest.State]? = nil, limit: Int = 1000
  ) throws -> [AccessRequest] {
    try read { db in
      var request = AccessRequest.order(Column("id").desc).limit(limit)
      if let datasetIDs { request = request.filter(datasetIDs.contains(Column("dataset_id"))) }
      if let requestedBy { request = request.filter(Column("requested_by") == requestedBy) }
      if let states { request = request.filter(states.map(\.rawValue).contains(Column("state"))) }
      return try request.fetchAll(db)
    }
  }

  /// One access request by id.
  public func accessRequest(id: Int64) throws -> AccessRequest? {
    try read { try AccessRequest.fetchOne($0, key: id) }
  }

  /// Approves a pending request: records `grant` and links it, in one transaction.
  /// Refuses when the request was decided (or withdrawn) meanwhile.
  public func approveRequest(
    id: Int64, grant: Grant, decidedBy: Int64, now: Date = Date(), audit: AuditEvent
  ) throws -> (AccessRequest, Grant) {
    try write { db in
      let before = try Self.pendingRequest(id, in: db)
      var grant = grant
      try grant.insert(db)
      var after = before
      after.state = .approved
      after.decidedBy = decidedBy
      after.decidedAt = now
      after.grantID = grant.id
      try after.update(db)
      var event = audit
      event.datasetID = before.datasetID
      event.targetID = String(id)
      event.before = Self.json(before)
      event.after = Self.json(Approval(request: after, grant: grant))
      try AuditChain.append(event, in: db)
      return (after, grant)
    }
  }

  /// Closes a pending request as rejected (with its reason) or withdrawn.
  public func closeRequest(
    id: Int64, as state: AccessRequest.State, reason: String?, decidedBy: Int64, now: Date = Date(),
    audit: AuditEvent
  ) throws -> AccessRequest {
    try write { db in
      let before = try Self.pendingRequest(id, in: db)
      var after = before
      after.state = state
      after.reason = reason
      after.decidedBy = decidedBy
      after.decidedAt = now
      try after.update(db)
      var event = audit
      event.datasetID = before.datasetID
      event.targetID = String(id)
      event.before = Self.json(before)
      event.after = Self.json(after)
      try AuditChain.append(event, in: db)
      return after
    }
  }

  /// Records a request unless the same principal already waits for the same permission.
  public func addAccessRequest(_ request: AccessRequest, audit: AuditEvent) throws -> AccessRequest {
    try write { db in
      let open = try AccessRequest.filter(
        Column("dataset_id") == request.datasetID && Column("principal_kind") == request.principalKind.rawValue
          && Column("principal") == request.principal && Column("permission") == request.permission.rawValue
          && Column("state") == "pending"
      ).fetchAll(db).filter { $0.effectiveState(at: request.createdAt) == .pending }
      if let existing = open.first {
        throw StoreError.conflict(
          "request #\(existing.id ?? 0) for the same permission is already waiting for a decision")
      }
      var request = request
      try request.insert(db)
      var event = audit
      event.datasetID = request.datasetID
      event.targetID = String(request.id ?? 0)
      event.after = Self.json(request)
      try AuditChain.append(event, in: db)
      return request
    }
  }

  /// Records a sign-off; one per reviewer and version.
  public func addSignoff(_ signoff: Signoff, audit: AuditEvent) throws -> Signoff {
    try write { db in
      let exists =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM signoff WHERE dataset_id = ? AND version_id IS ? AND reviewer_id = ?",
          arguments: [signoff.datasetID, signoff.versionID, signoff.reviewerID]) ?? 0
      if exists > 0 { throw StoreError.conflict("you have already signed off this version") }
      try db.execute(
        sql: "INSERT INTO signoff (dataset_id, version_id, reviewer_id, note, created_at) VALUES (?, ?, ?, ?, ?)",
        arguments: [signoff.datasetID, signoff.versionID, signoff.reviewerID, signoff.note, signoff.createdAt])
      var stored = signoff
      stored.id = db.lastInsertedRowID
      var event = audit
      event.datasetID = signoff.datasetID
      event.targetID = String(stored.id ?? 0)
      event.after = Self.json(stored)
      try AuditChain.append(event, in: db)
      return stored
    }
  }

  private static func pendingRequest(_ id: Int64, in db: Database) throws -> AccessRequest {
    guard let request = try AccessRequest.fetchOne(db, key: id) else {
      throw StoreError.notFound(what: "access request #\(id)")
    }
    guard request.effectiveState(at: Date()) == .pending else {
      throw StoreError.conflict(
        "request #\(id) is \(request.effectiveState(at: Date()).rawValue), no longer pending; nothing was changed")
    }
    return request
  }
}

/// What an approval wrote, as its audit event's "after".
private struct Approval: Encodable {
  var request: AccessRequest
  var grant: Grant
}
