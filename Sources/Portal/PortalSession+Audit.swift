import PortalCore
import PortalStore

/// The result of `verifyAudit`, for front ends.
public struct AuditVerification: Sendable, Equatable, Codable {
  public var checked: Int
  /// The first event that does not verify, if any.
  public var brokenEventID: Int64?
  public var reason: String?
}

// MARK: - The audit log

extension PortalSession {
  /// Audit events (oldest first), of one dataset or of the whole catalog.
  public func auditEvents(dataset reference: String? = nil, limit: Int = 200) throws -> [AuditEvent] {
    try auditEvents(dataset: reference, filter: AuditFilter(limit: limit))
  }

  /// Audit events (oldest first) matching `filter` — by actor, action (or family,
  /// `grant` matches `grant.create`), time — of one dataset or of the whole catalog.
  /// A removed dataset's events are found by the whole-catalog query.
  public func auditEvents(dataset reference: String?, filter: AuditFilter) throws -> [AuditEvent] {
    var filter = filter
    if let reference {
      let dataset = try resolve(reference)
      try authorize(.viewAudit, on: dataset)
      filter.datasetID = dataset.id
    } else {
      try authorize(.viewAudit)
    }
    let query = filter
    return try wrap { try catalog.auditEvents(query) }
  }

  /// How many events the audit log holds (for tests and the status bar).
  public func auditEventCount() throws -> Int {
    try authorize(.viewAudit)
    return try wrap { try catalog.auditEventCount() }
  }

  /// Checks the whole hash chain.
  public func verifyAudit() throws -> AuditVerification {
    try authorize(.viewAudit)
    let result = try wrap { try catalog.verifyAudit() }
    return AuditVerification(
      checked: result.checked, brokenEventID: result.firstBroken?.id, reason: result.firstBroken?.reason)
  }
}
