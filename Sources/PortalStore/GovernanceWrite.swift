import PortalCore

/// One planned governance change to write: the effect on a dataset and the audit
/// event that records it (its before and after are filled in by the store).
public struct GovernanceWrite: Sendable {
  public var datasetID: Int64
  public var effect: GovernanceEffect
  public var audit: AuditEvent

  public init(datasetID: Int64, effect: GovernanceEffect, audit: AuditEvent) {
    self.datasetID = datasetID
    self.effect = effect
    self.audit = audit
  }
}
