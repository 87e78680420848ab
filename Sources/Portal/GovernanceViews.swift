import Foundation
import PortalCore

/// One grant as front ends show it: with its dataset, who granted it, and whether it
/// is active, expired or revoked — and whether it expires within 14 days.
public struct GrantRow: Sendable, Equatable, Codable {
  /// Active, expired or revoked, as of when the row was read.
  public enum Status: String, Sendable, Codable {
    case active, expired, revoked
  }

  public var grant: Grant
  public var datasetSlug: String
  public var datasetName: String
  public var grantedByLogin: String
  public var status: Status
  /// Active and expiring within `GrantRules.expiryWarning` (14 days).
  public var expiringSoon: Bool

  public init(grant: Grant, datasetSlug: String, datasetName: String, grantedByLogin: String, now: Date) {
    self.grant = grant
    self.datasetSlug = datasetSlug
    self.datasetName = datasetName
    self.grantedByLogin = grantedByLogin
    if let revoked = grant.revokedAt, revoked <= now {
      status = .revoked
    } else {
      status = grant.isActive(at: now) ? .active : .expired
    }
    expiringSoon = GrantRules.isExpiringSoon(grant, now: now)
  }
}

/// One access request as front ends show it, with its state as of now (a request
/// nobody decided for 30 days shows as expired).
public struct RequestRow: Sendable, Equatable, Codable {
  public var request: AccessRequest
  public var datasetSlug: String
  public var datasetName: String
  public var requestedByLogin: String
  public var state: AccessRequest.State

  public init(request: AccessRequest, datasetSlug: String, datasetName: String, requestedByLogin: String, now: Date) {
    self.request = request
    self.datasetSlug = datasetSlug
    self.datasetName = datasetName
    self.requestedByLogin = requestedByLogin
    self.state = request.effectiveState(at: now)
  }
}

/// A group or lab team with its members.
public struct GroupRow: Sendable, Equatable, Codable {
  public var group: Group
  public var members: [String]
}

/// What applying a bulk plan wrote.
public struct BulkResult: Sendable, Equatable, Codable {
  /// One audit event per change written.
  public var events: [AuditEvent]
  /// Datasets left out because a change to them was refused (with `skipRefused`).
  public var skipped: [String]
}
