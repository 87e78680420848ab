import Foundation

/// Something an actor may try to do.
public enum Action: String, Sendable, CaseIterable, Codable {
  /// See that a dataset exists, with its name and description, in lists and search.
  case discover
  /// Read samples.
  case preview
  /// Export or copy the data.
  case download
  /// Use the data to train models (what a lab team asks for).
  case train
  /// Use the data to evaluate models.
  case evaluate
  /// Ask an owner for a permission.
  case requestAccess
  /// See who holds which permission.
  case viewGrants
  /// Change description, languages, licence, tags, sensitivity, use rights.
  case editMetadata
  /// Import data (catalog-wide) or rescan a dataset.
  case importData
  /// Queue or cancel cleaning jobs.
  case runJob
  /// Grant and revoke permissions; decide access requests.
  case manageGrants
  /// Request publication, withdraw the request, make private.
  case changeVisibility
  /// Make a dataset public, for good.
  case publish
  /// Sign off a publication as a reviewer.
  case signOff
  /// Remove a dataset from the catalog (never its files).
  case delete
  /// Read the audit log.
  case viewAudit
  /// Add users, change roles, manage groups.
  case manageUsers
}

/// The answer to "may this actor do this?", with the reason when not.
public enum Decision: Sendable, Equatable {
  case allow
  case deny(String)

  /// Whether the action is allowed.
  public var isAllowed: Bool { self == .allow }
}

/// The portal's one authorisation function. Every read path and every write asks it;
/// the catalog's list queries apply the same rule in SQL (`DiscoverScope`), and a test
/// checks the two agree.
///
/// Roles set a baseline and grants add to it, per dataset:
/// - owner: everything; the only role that manages users;
/// - steward: runs the catalog — edits, imports, jobs, grants, proposes and publishes
///   (publishing still needs a reviewer's sign-off through the checklist);
/// - reviewer: discovers, previews what is pending publication or granted, signs off;
/// - viewer: discovers only.
/// The dataset's own owner manages it; a `manage` grant lets its holder edit, run jobs
/// and handle grants, but never change visibility (that is the partner staff's call).
public enum AccessPolicy {
  /// Decides whether `actor` may perform `action` on `dataset` (nil for catalog-wide
  /// actions), given the dataset's grants, at `now`.
  public static func decide(
    _ action: Action, actor: Actor, dataset: Dataset?, grants: [Grant] = [], now: Date = Date()
  ) -> Decision {
    if actor.user.disabledAt != nil { return .deny("your portal account is disabled; ask an owner to re-enable it") }
    guard let dataset else { return decideCatalogWide(action, role: actor.role) }
    let role = actor.role
    let isStaff = role <= .steward || dataset.ownerID == actor.id
    let granted = activePermissions(of: actor, in: grants, now: now)
    let manages = isStaff || granted.contains(.manage)
    let name = dataset.name
    let canPreview =
      manages || dataset.visibility == .public || (dataset.visibility == .publicPending && role <= .reviewer)
      || granted.contains(.preview) || granted.contains(.download)
    switch action {
    case .discover, .requestAccess:
      if isStaff || dataset.visibility != .private || dataset.sensitivity != .restricted || !granted.isEmpty {
        return .allow
      }
      return .deny("'\(name)' is restricted; ask its owner for access")
    case .preview:
      if canPreview { return .allow }
      return .deny(
        "'\(name)' is private; request the preview permission (portal request \(dataset.slug) --permission preview)")
    case .download:
      if manages || dataset.visibility == .public || granted.contains(.download) { return .allow }
      return .deny(
        "you may not download '\(name)'; request the download permission (portal request \(dataset.slug) --permission download)"
      )
    case .train:
      if dataset.visibility == .public { return .allow }
      if !dataset.useRights.train {
        return .deny("'\(name)' may not be used for training (its use rights say evaluation only)")
      }
      return granted.contains(.train) ? .allow : .deny("training on '\(name)' needs the train permission")
    case .evaluate:
      if dataset.visibility == .public { return .allow }
      if !dataset.useRights.evaluate { return .deny("'\(name)' may not be used for evaluation (its use rights)") }
      return granted.contains(.evaluate) || granted.contains(.train)
        ? .allow : .deny("evaluating on '\(name)' needs the evaluate permission")
    case .viewGrants:
      if manages || (role == .reviewer && canPreview) { return .allow }
      return .deny("only those who manage '\(name)' or review it may see its grants")
    case .viewAudit:
      if manages || role <= .reviewer { return .allow }
      return .deny("viewers cannot read the audit log")
    case .editMetadata, .runJob, .manageGrants, .importData:
      return manages ? .allow : .deny("changing '\(name)' needs the manage permission")
    case .changeVisibility, .publish:
      if isStaff { return .allow }
      return .deny("only owners and stewards decide whether '\(name)' becomes public")
    case .signOff:
      if role == .steward {
        return .deny("stewards propose publication and reviewers sign it off; ask a reviewer to sign off '\(name)'")
      }
      if role <= .reviewer && canPreview { return .allow }
      return .deny("sign-off needs a reviewer who may preview '\(name)'")
    case .delete:
      if role == .owner || dataset.ownerID == actor.id || granted.contains(.manage) { return .allow }
      return .deny("removing '\(name)' from the catalog needs the manage permission")
    case .manageUsers:
      return role == .owner ? .allow : .deny("only an owner can manage users")
    }
  }

  /// What lists and search may show an actor, expressed so a query can apply it.
  public static func discoverScope(for actor: Actor) -> DiscoverScope {
    if actor.user.disabledAt != nil { return .nothing }
    if actor.role <= .steward { return .everything }
    return .limited(userID: actor.id, login: actor.login, groups: actor.groups)
  }

  /// The permissions `actor` holds on a dataset through active grants at `now`.
  public static func activePermissions(of actor: Actor, in grants: [Grant], now: Date) -> Set<Permission> {
    Set(
      grants.filter { $0.isActive(at: now) && actor.matches(kind: $0.principalKind, principal: $0.principal) }
        .map(\.permission))
  }

  private static func decideCatalogWide(_ action: Action, role: Role) -> Decision {
    switch action {
    case .manageUsers:
      return role == .owner ? .allow : .deny("only an owner can manage users")
    case .importData:
      return role <= .steward ? .allow : .deny("only owners and stewards can import data")
    case .viewAudit:
      return role <= .reviewer ? .allow : .deny("viewers cannot read the audit log")
    case .discover, .requestAccess:
      return .allow
    default:
      return role <= .steward ? .allow : .deny("your role (\(role.rawValue)) does not allow this")
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
