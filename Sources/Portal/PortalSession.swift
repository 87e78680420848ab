import Foundation
import Logging
import PortalCore
import PortalStore

/// The one door for every front end: a session bound to an authenticated actor, with
/// one method per use case. Authorisation and audit happen here and nowhere else.
public final class PortalSession: Sendable {
  let catalog: Catalog
  /// The user as of opening; `currentActor()` re-reads role and groups.
  public let actor: Actor
  /// Whether the catalog is a demo catalog (where `--as` may switch users).
  public let isDemo: Bool
  let logger: Logger
  /// When this session was opened (presence rows say since when someone is here).
  public let startedAt = Date()

  init(catalog: Catalog, actor: Actor, isDemo: Bool) {
    self.catalog = catalog
    self.actor = actor
    self.isDemo = isDemo
    self.logger = PortalLog.logger(for: catalog.location, label: "portal.session")
  }

  /// Where the catalog lives.
  public var location: CatalogLocation { catalog.location }

  // MARK: - Opening

  /// Opens the catalog at `location` as the user `identity` names.
  public static func open(location: CatalogLocation, identity: Identity = .operatingSystem) throws -> PortalSession {
    guard location.exists else { throw PortalError.noCatalog(path: location.directory.path) }
    // A station directory is setgid: files this process creates must stay group-writable.
    if ReviewStation.looksLikeStation(location) { ReviewStation.useGroupUmask() }
    let catalog = try wrap { try Catalog(location: location) }
    let isDemo = (try? catalog.meta("demo")) == "1"
    if (try? catalog.meta("station")) == "1" { ReviewStation.useGroupUmask() }
    let login: String
    switch identity {
    case .operatingSystem: login = Identity.operatingSystemLogin()
    case .forcedCommand(let name): login = name
    case .demo(let name):
      guard isDemo else {
        throw PortalError.notAllowed("--as only works in a demo catalog; everywhere else you act as your own account")
      }
      login = name
    }
    guard let user = try wrap({ try catalog.user(login: login) }) else {
      throw PortalError.unknownUser(login: login, catalog: location.directory.path)
    }
    if case .forcedCommand = identity, user.disabledAt != nil {
      throw PortalError.notAllowed("the portal account '\(login)' is disabled; ask an owner of the review station")
    }
    let groups = try wrap { try catalog.groupNames(ofUser: user.id ?? 0) }
    let session = PortalSession(catalog: catalog, actor: Actor(user: user, groups: groups), isDemo: isDemo)
    // Imports or jobs that crashed leave staging versions; collect any whose lease ran out.
    _ = try? catalog.collectAbandonedStaging()
    return session
  }

  /// Creates a new catalog at `location`; the current OS account becomes its owner.
  public static func initialize(
    location: CatalogLocation, organisation: String, demo: Bool = false, ownerLogin: String? = nil,
    ownerName: String? = nil
  ) throws -> PortalSession {
    if location.exists { throw PortalError.catalogExists(path: location.directory.path) }
    let catalog = try wrap { try Catalog(location: location, create: true) }
    let login = ownerLogin ?? Identity.operatingSystemLogin()
    let display = ownerName ?? Identity.operatingSystemDisplayName() ?? login
    let settings = [
      "catalog_id": UUID().uuidString.lowercased(), "organisation": organisation, "demo": demo ? "1" : "0",
    ]
    let audit = AuditEvent(
      at: Date(), actor: login, action: "catalog.init", targetKind: "catalog", targetID: organisation,
      after: JSONText.encode(["organisation": organisation, "owner": login, "demo": demo ? "yes" : "no"]))
    let owner = try wrap {
      try catalog.initialize(
        settings: settings, owner: User(login: login, displayName: display, role: .owner), audit: audit)
    }
    return PortalSession(catalog: catalog, actor: Actor(user: owner, groups: []), isDemo: demo)
  }

  // MARK: - Helpers for use cases

  /// The actor as the catalog knows it now (role changes take effect at once).
  func currentActor() throws -> Actor {
    guard let user = try wrap({ try catalog.user(id: actor.id) }) else {
      throw PortalError.unknownUser(login: actor.login, catalog: location.directory.path)
    }
    // Disabling someone (`station remove-user`, `user disable`) stops their open
    // sessions too, not only their next login.
    if user.disabledAt != nil { throw PortalError.accountDisabled(login: user.login) }
    return Actor(user: user, groups: try wrap { try catalog.groupNames(ofUser: actor.id) })
  }

  /// Throws `notAllowed` unless the policy allows `action`.
  func authorize(_ action: Action, on dataset: Dataset? = nil, now: Date = Date()) throws {
    let grants = try dataset.flatMap(\.id).map { id in try wrap { try catalog.grants(on: id) } } ?? []
    if case .deny(let reason) = AccessPolicy.decide(
      action, actor: try currentActor(), dataset: dataset, grants: grants, now: now)
    {
      throw PortalError.notAllowed(reason)
    }
  }

  /// The published dataset `reference` names, if the actor may discover it. A dataset
  /// the actor may not discover is reported as not found, so its existence does not leak.
  func resolve(_ reference: String) throws -> Dataset {
    guard let dataset = try wrap({ try catalog.dataset(named: reference) }) else {
      throw PortalError.datasetNotFound(reference)
    }
    do {
      try authorize(.discover, on: dataset)
    } catch PortalError.notAllowed {
      throw PortalError.datasetNotFound(reference)
    }
    return dataset
  }

  /// An audit event by this session's actor.
  func event(
    _ action: String, target kind: String, _ id: String, dataset: Int64? = nil, before: String? = nil,
    after: String? = nil
  ) -> AuditEvent {
    AuditEvent(
      at: Date(), actor: actor.login, action: action, targetKind: kind, targetID: id, datasetID: dataset,
      before: before, after: after)
  }
}

/// Runs a catalog call, turning store errors into portal errors.
@discardableResult
func wrap<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as StoreError {
    throw PortalError.store(error)
  }
}
