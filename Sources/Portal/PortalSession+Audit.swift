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
    if let reference {
      let dataset = try resolve(reference)
      try authorize(.viewAudit, on: dataset)
      return try wrap { try catalog.auditEvents(datasetID: dataset.id, limit: limit) }
    }
    try authorize(.viewAudit)
    return try wrap { try catalog.auditEvents(limit: limit) }
  }

  /// Checks the whole hash chain.
  public func verifyAudit() throws -> AuditVerification {
    try authorize(.viewAudit)
    let result = try wrap { try catalog.verifyAudit() }
    return AuditVerification(
      checked: result.checked, brokenEventID: result.firstBroken?.id, reason: result.firstBroken?.reason)
  }
}
