import Foundation

/// A user's or lab team's request for a permission on a dataset.
public struct AccessRequest: Codable, Sendable, Equatable, Identifiable {
  public enum State: String, Codable, Sendable, CaseIterable {
    case pending, approved, rejected, withdrawn, expired
  }

  public var id: Int64?
  public var datasetID: Int64
  public var principalKind: PrincipalKind
  public var principal: String
  public var permission: Permission
  public var purpose: String
  /// How long the access is wanted for; nil for open-ended.
  public var durationDays: Int?
  public var state: State
  /// Required when rejected.
  public var reason: String?
  public var requestedBy: Int64
  public var decidedBy: Int64?
  public var decidedAt: Date?
  public var createdAt: Date
  /// The grant an approval created.
  public var grantID: Int64?

  public init(
    id: Int64? = nil, datasetID: Int64, principalKind: PrincipalKind, principal: String, permission: Permission,
    purpose: String, durationDays: Int? = nil, state: State = .pending, reason: String? = nil, requestedBy: Int64,
    decidedBy: Int64? = nil, decidedAt: Date? = nil, createdAt: Date = Date(), grantID: Int64? = nil
  ) {
    self.id = id
    self.datasetID = datasetID
    self.principalKind = principalKind
    self.principal = principal
    self.permission = permission
    self.purpose = purpose
    self.durationDays = durationDays
    self.state = state
    self.reason = reason
    self.requestedBy = requestedBy
    self.decidedBy = decidedBy
    self.decidedAt = decidedAt
    self.createdAt = createdAt
    self.grantID = grantID
  }

  enum CodingKeys: String, CodingKey {
    case id
    case datasetID = "dataset_id"
    case principalKind = "principal_kind"
    case principal, permission, purpose
    case durationDays = "duration_days"
    case state, reason
    case requestedBy = "requested_by"
    case decidedBy = "decided_by"
    case decidedAt = "decided_at"
    case createdAt = "created_at"
    case grantID = "grant_id"
  }
}
