import Foundation

/// A permission on one dataset for a user, group or lab team, optionally expiring.
public struct Grant: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var datasetID: Int64
  public var principalKind: PrincipalKind
  /// A user login, a group name, or a lab team name.
  public var principal: String
  public var permission: Permission
  public var expiresAt: Date?
  public var grantedBy: Int64
  public var grantedAt: Date
  public var revokedAt: Date?
  public var revokedBy: Int64?

  public init(
    id: Int64? = nil, datasetID: Int64, principalKind: PrincipalKind, principal: String, permission: Permission,
    expiresAt: Date? = nil, grantedBy: Int64, grantedAt: Date = Date(), revokedAt: Date? = nil,
    revokedBy: Int64? = nil
  ) {
    self.id = id
    self.datasetID = datasetID
    self.principalKind = principalKind
    self.principal = principal
    self.permission = permission
    self.expiresAt = expiresAt
    self.grantedBy = grantedBy
    self.grantedAt = grantedAt
    self.revokedAt = revokedAt
    self.revokedBy = revokedBy
  }

  /// Whether the grant grants anything at `now`: not revoked, and not expired —
  /// an expired grant grants nothing from the second it expires.
  public func isActive(at now: Date) -> Bool {
    if let revokedAt, revokedAt <= now { return false }
    if let expiresAt, expiresAt <= now { return false }
    return true
  }

  enum CodingKeys: String, CodingKey {
    case id
    case datasetID = "dataset_id"
    case principalKind = "principal_kind"
    case principal, permission
    case expiresAt = "expires_at"
    case grantedBy = "granted_by"
    case grantedAt = "granted_at"
    case revokedAt = "revoked_at"
    case revokedBy = "revoked_by"
  }
}
