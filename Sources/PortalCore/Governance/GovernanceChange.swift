import Foundation

/// One change a person can apply to one or many datasets.
public enum GovernanceChange: Sendable, Equatable, Codable {
  /// private → public-pending (request), public-pending → private (withdraw), → public (publish).
  case visibility(Visibility)
  case sensitivity(Sensitivity)
  case addTags([String])
  case removeTags([String])
  /// Grants a permission to a principal, optionally until a date.
  case grant(PrincipalRef, Permission, expires: Date?)
  /// Revokes a principal's active grants (of one permission, or all when nil).
  case revoke(PrincipalRef, Permission?)
  /// Revokes one grant by id.
  case revokeGrant(id: Int64)

  /// The action the policy must allow for this change.
  public var requiredAction: Action {
    switch self {
    case .visibility(let target): target == .public ? .publish : .changeVisibility
    case .sensitivity, .addTags, .removeTags: .editMetadata
    case .grant, .revoke, .revokeGrant: .manageGrants
    }
  }

  /// A short description for previews ("visibility → public").
  public var summary: String {
    switch self {
    case .visibility(let target): "visibility → \(target.rawValue)"
    case .sensitivity(let level): "sensitivity → \(level.rawValue)"
    case .addTags(let tags): "add tags \(tags.joined(separator: ", "))"
    case .removeTags(let tags): "remove tags \(tags.joined(separator: ", "))"
    case .grant(let principal, let permission, let expires):
      "grant \(permission.rawValue) to \(principal)\(expires.map { " until \(GovernanceFormat.day($0))" } ?? "")"
    case .revoke(let principal, let permission):
      "revoke \(permission?.rawValue ?? "every permission") of \(principal)"
    case .revokeGrant(let id): "revoke grant #\(id)"
    }
  }
}

/// A set of changes applied together to every dataset of a bulk operation.
public struct BulkChange: Sendable, Equatable, Codable {
  public var changes: [GovernanceChange]
  /// The person's explicit confirmation that publication cannot be undone.
  public var confirmedIrreversible: Bool

  public init(_ changes: [GovernanceChange], confirmedIrreversible: Bool = false) {
    self.changes = changes
    self.confirmedIrreversible = confirmedIrreversible
  }
}

/// What to write for one planned change: the store applies these in one transaction.
public enum GovernanceEffect: Sendable, Equatable, Codable {
  case setVisibility(Visibility)
  case setSensitivity(Sensitivity)
  case setTags([String])
  /// A new grant, replacing an active one of the same principal and permission.
  case addGrant(Grant, replacing: Int64?)
  case revokeGrants([Int64])

  /// The dotted audit action this effect records.
  public var auditAction: String {
    switch self {
    case .setVisibility(let target):
      switch target {
      case .publicPending: "publication.request"
      case .private: "publication.withdraw"
      case .public: "publication.publish"
      }
    case .setSensitivity: "dataset.sensitivity"
    case .setTags: "dataset.tags"
    case .addGrant: "grant.create"
    case .revokeGrants: "grant.revoke"
    }
  }
}

/// Date formatting shared by previews and messages.
public enum GovernanceFormat {
  /// `2027-03-31` (UTC).
  public static func day(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: date)
  }

  /// `2027-03-31 14:05 UTC`.
  public static func minute(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: date)
  }
}
