import Foundation
import PortalCore
import PortalWorker

/// Builds a realistic partner catalog from the demo fixtures: the cast of users, lab
/// teams, one dataset per fixture directory with its governance story (visibility,
/// grants, a pending request), and the audit history all of that leaves. Everything
/// goes through `PortalSession`, exactly as a person's actions would.
public enum DemoCatalog {
  /// Creates the demo catalog at `location` (which must not exist yet) and returns a
  /// session as the demo's owner.
  public static func build(at location: CatalogLocation, progress: (String) -> Void = { _ in }) throws
    -> PortalSession
  {
    guard let fixtures = DemoFixtures.directory() else {
      throw PortalError.invalidArgument(
        "the demo fixtures are missing from this installation; rebuild with `make build`")
    }
    let manifestData = try Data(contentsOf: fixtures.appendingPathComponent("manifest.json"))
    let manifest: DemoManifest
    do {
      manifest = try JSONDecoder().decode(DemoManifest.self, from: manifestData)
    } catch {
      throw PortalError.invalidArgument("the demo manifest is damaged: \(error)")
    }
    guard let owner = manifest.users.first(where: { $0.role == .owner }) else {
      throw PortalError.invalidArgument("the demo manifest names no owner")
    }
    let session = try PortalSession.initialize(
      location: location, organisation: manifest.organisation?.name ?? "Demo partner", demo: true,
      ownerLogin: owner.login,
      ownerName: owner.displayName)
    // The demo's data lives inside the catalog directory, so the catalog stands alone.
    let data = location.directory.appendingPathComponent("demo-data", isDirectory: true)
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try addPeople(manifest, session: session)
    // A public dataset is published the honest way: a reviewer other than the
    // requester signs off, so the demo's public bundles pass their checklist.
    let reviewer = manifest.users.first { $0.role == .reviewer }?.login ?? owner.login
    for spec in manifest.datasets {
      progress("importing \(spec.name)")
      let source = fixtures.appendingPathComponent(spec.dir)
      let target = data.appendingPathComponent(spec.dir)
      try FileManager.default.copyItem(at: source, to: target)
      try addDataset(spec, path: target.path, location: location, fallbackOwner: owner.login, reviewer: reviewer)
    }
    return session
  }

  private static func addPeople(_ manifest: DemoManifest, session: PortalSession) throws {
    for person in manifest.users where person.login != session.actor.login {
      try session.addUser(login: person.login, displayName: person.displayName, role: person.role)
    }
    // The person running the demo can use the CLI on it as themselves.
    let me = Identity.operatingSystemLogin()
    if !manifest.users.contains(where: { $0.login == me }) {
      try session.addUser(login: me, displayName: Identity.operatingSystemDisplayName() ?? me, role: .owner)
    }
    for team in manifest.groups ?? [] {
      try session.addGroup(
        name: team.name, kind: team.kind ?? (team.name.hasPrefix("lab:") ? .lab : .partner),
        description: team.description ?? "", members: team.members ?? [])
    }
  }

  private static func addDataset(
    _ spec: DemoManifest.DatasetSpec, path: String, location: CatalogLocation, fallbackOwner: String,
    reviewer: String
  ) throws {
    let ownerLogin = spec.owner ?? fallbackOwner
    var owner = try PortalSession.open(location: location, identity: .demo(login: ownerLogin))
    if owner.actor.role > .steward {
      owner = try PortalSession.open(location: location, identity: .demo(login: fallbackOwner))
    }
    let report = try owner.importDataset(
      ImportRequest(paths: [path], name: spec.name, description: spec.description, tags: spec.tags ?? []))
    let slug = report.datasetSlug
    try owner.editDataset(
      slug,
      MetadataChange(
        licence: spec.licence, languages: spec.languages, sensitivity: spec.sensitivity, useRights: spec.useRights))
    if spec.visibility == .public {
      try publishThroughChecklist(
        slug, requester: owner,
        publisher: try PortalSession.open(location: location, identity: .demo(login: fallbackOwner)),
        reviewer: try PortalSession.open(location: location, identity: .demo(login: reviewer)))
    } else if let visibility = spec.visibility, visibility != .private {
      try owner.setVisibilityUnchecked(slug, to: visibility)
    }
    for grant in spec.grants ?? [] {
      let expires = grant.expiresInDays.map { Date().addingTimeInterval(Double($0) * 86_400) }
      try owner.grant(
        slug, to: grant.principal, kind: grant.principalKind, permission: grant.permission, expires: expires)
    }
    for request in spec.requests ?? [] {
      let kind = request.principalKind ?? (request.principal.hasPrefix("lab:") ? .lab : .user)
      let requesterLogin = request.requestedBy ?? (kind == .user ? request.principal : ownerLogin)
      let requester = try PortalSession.open(location: location, identity: .demo(login: requesterLogin))
      try requester.requestAccess(
        slug, permission: request.permission, purpose: request.purpose, durationDays: request.durationDays,
        for: PrincipalRef(kind: kind, name: request.principal))
    }
  }

  /// Requests publication, scans the current version (running the scan job here, so
  /// the demo is ready when it opens), has `reviewer` sign off and publishes — every
  /// step through the session and audited, exactly as people would do it.
  private static func publishThroughChecklist(
    _ slug: String, requester: PortalSession, publisher: PortalSession, reviewer: PortalSession
  ) throws {
    try requester.requestPublication(slug)
    if case .queued = try requester.scan(slug) {
      requester.runWorker(options: WorkerOptions(once: true, actor: "worker"))
    }
    try reviewer.signOff(slug, note: "demo: read through before publication")
    let checklist = try publisher.publicationChecklist(slug, confirmedIrreversible: true)
    guard checklist.passes else {
      let unmet = checklist.unmet.map { "\($0.title): \($0.explanation)" }.joined(separator: "; ")
      throw PortalError.invalidArgument("the demo dataset '\(slug)' does not pass its publication checklist (\(unmet))")
    }
    try publisher.publish(slug, confirmedIrreversible: true)
  }
}
