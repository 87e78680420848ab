import Foundation

/// Something an actor may try to do.
public enum Action: String, Sendable, CaseIterable {
  /// See that a dataset exists, with its name and description, in lists and search.
  case discover
  /// Read samples.
  case preview
  /// Export or copy the data.
  case download
  case editMetadata
  case importData
  case runJob
  case changeVisibility
  case manageGrants
  case signOff
  case delete
  case viewAudit
  case manageUsers
}

/// The answer to "may this actor do this?", with the reason when not.
public enum Decision: Sendable, Equatable {
  case allow
  case deny(String)

  public var isAllowed: Bool { self == .allow }
}

/// The portal's one authorisation function. Every read path and every write asks it;
/// the catalog's list queries apply the same rule in SQL (`DiscoverScope`), and a test
/// checks the two agree.
public enum AccessPolicy {
  /// Decides whether `actor` may perform `action` on `dataset` (nil for catalog-wide
  /// actions), given the dataset's grants, at `now`.
  public static func decide(
    _ action: Action, actor: Actor, dataset: Dataset?, grants: [Grant] = [], now: Date = Date()
  ) -> Decision {
    if actor.user.disabledAt != nil { return .deny("your portal account is disabled; ask an owner to re-enable it") }
    let role = actor.role
    guard let dataset else {
      switch action {
      case .manageUsers:
        return role == .owner ? .allow : .deny("only an owner can manage users")
      case .importData:
        return role <= .steward ? .allow : .deny("only owners and stewards can import data")
      case .viewAudit:
        return role <= .reviewer ? .allow : .deny("viewers cannot read the audit log")
      default:
        return role <= .steward ? .allow : .deny("your role (\(role.rawValue)) does not allow this")
      }
    }
    // Partner staff who run the catalog, and the dataset's own owner, may do everything.
    if role <= .steward || dataset.ownerID == actor.id {
      if action == .manageUsers && role != .owner { return .deny("only an owner can manage users") }
      if action == .delete && role != .owner && dataset.ownerID != actor.id
        && !has(.manage, actor: actor, grants: grants, now: now)
      {
        return .deny("removing a dataset needs the manage permission")
      }
      return .allow
    }
    let granted = Set(
      grants.filter { $0.isActive(at: now) && actor.matches(kind: $0.principalKind, principal: $0.principal) }.map(
        \.permission))
    let manages = granted.contains(.manage)
    let isOpen = dataset.visibility != .private
    switch action {
    case .discover:
      if isOpen || dataset.sensitivity != .restricted || !granted.isEmpty { return .allow }
      return .deny("'\(dataset.name)' is restricted; ask its owner for access")
    case .preview:
      if isOpen || manages || granted.contains(.preview) || granted.contains(.download) { return .allow }
      return .deny(
        "'\(dataset.name)' is private; request the preview permission (portal request \(dataset.slug) --permission preview)"
      )
    case .download:
      if dataset.visibility == .public || manages || granted.contains(.download) { return .allow }
      return .deny("you may not download '\(dataset.name)'; request the download permission")
    case .signOff:
      if role == .reviewer && (isOpen || manages || granted.contains(.preview)) { return .allow }
      return .deny("sign-off needs a reviewer who may preview '\(dataset.name)'")
    case .viewAudit:
      if role == .reviewer || manages { return .allow }
      return .deny("viewers cannot read the audit log")
    case .editMetadata, .runJob, .manageGrants, .importData, .delete, .changeVisibility:
      return manages ? .allow : .deny("changing '\(dataset.name)' needs the manage permission")
    case .manageUsers:
      return .deny("only an owner can manage users")
    }
  }

  /// What lists and search may show an actor, expressed so a query can apply it.
  public static func discoverScope(for actor: Actor) -> DiscoverScope {
    if actor.user.disabledAt != nil { return .nothing }
    if actor.role <= .steward { return .everything }
    return .limited(
      userID: actor.id, login: actor.login, groups: actor.groups)
  }

  private static func has(_ permission: Permission, actor: Actor, grants: [Grant], now: Date) -> Bool {
    grants.contains {
      $0.permission == permission && $0.isActive(at: now)
        && actor.matches(kind: $0.principalKind, principal: $0.principal)
    }
  }
}

/// The discover rule of `AccessPolicy` as data for a query: everything, nothing, or
/// datasets that are not private-and-restricted, that the user owns, or on which one
/// of the user's principals holds an active grant.
public enum DiscoverScope: Sendable, Equatable {
  case everything
  case nothing
  case limited(userID: Int64, login: String, groups: [String])
}
