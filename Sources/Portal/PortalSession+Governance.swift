import Foundation
import PortalCore
import PortalStore

// MARK: - Governance: metadata, visibility and the publication checklist, grants

extension PortalSession {
  /// Changes a dataset's metadata. With `expectedRevision`, refuses if someone else
  /// changed it since it was read. Licences are SPDX ids (canonical spelling) or a
  /// named custom licence with a link; a public or pending dataset keeps a licence,
  /// and a public dataset's licence cannot change.
  @discardableResult
  public func editDataset(_ reference: String, _ change: MetadataChange, expectedRevision: Int? = nil) throws
    -> Dataset
  {
    let dataset = try resolve(reference)
    try authorize(.editMetadata, on: dataset)
    var change = change
    if let languages = change.languages {
      for tag in languages where !LanguageTag.isWellFormed(tag) {
        throw PortalError.invalidArgument("'\(tag)' is not a BCP-47 language tag (examples: en, fr, pt-BR)")
      }
      var seen = Set<String>()
      change.languages = languages.map(LanguageTag.canonical).filter { seen.insert($0).inserted }
    }
    if let description = change.description, !description.isEmpty,
      description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    {
      throw PortalError.invalidArgument(
        "a description of only spaces says nothing; write a sentence about the data (or --description \"\" to clear it)"
      )
    }
    if let tags = change.tags { change.tags = TagRules.normalised(tags) }
    if let licence = change.licence { change.licence = licence.isEmpty ? "" : LicenceRules.canonical(licence) }
    if let url = change.licenceURL, !url.isEmpty, !LicenceRules.isLink(url) {
      throw PortalError.invalidArgument("'\(url)' is not a web address; give the licence text's https://… link")
    }
    if let days = change.useRights?.retentionDays, days < 1 {
      throw PortalError.invalidArgument("a retention period is at least 1 day (leave it out for no limit)")
    }
    var preview = dataset
    change.apply(to: &preview)
    try refuseEmptyingChecklistFields(of: dataset, change: change, preview: preview)
    if change.licence != nil || change.licenceURL != nil {
      if dataset.visibility == .public && preview.licence != dataset.licence {
        throw PortalError.notAllowed(
          "'\(dataset.name)' was published under \(dataset.licence ?? "its licence"); a public dataset's licence cannot change"
        )
      }
      if let problem = LicenceRules.problemSetting(
        licence: preview.licence, url: preview.licenceURL, visibility: dataset.visibility)
      {
        throw PortalError.invalidArgument(problem)
      }
    }
    let finalChange = change
    return try wrap {
      try catalog.updateDataset(
        id: dataset.id ?? 0, expectedRevision: expectedRevision,
        audit: event("dataset.edit", target: "dataset", dataset.slug)
      ) { finalChange.apply(to: &$0) }
    }
  }

  /// A public dataset's checklist vouched for its description and languages, and a
  /// pending one's is being reviewed: neither may be emptied (changed, yes). Modality
  /// comes from the content, which no edit touches.
  private func refuseEmptyingChecklistFields(of dataset: Dataset, change: MetadataChange, preview: Dataset) throws {
    guard dataset.visibility != .private else { return }
    var emptied: [String] = []
    if change.description != nil && preview.description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      emptied.append("description")
    }
    if change.languages != nil && preview.languages.isEmpty { emptied.append("languages") }
    guard !emptied.isEmpty else { return }
    let fields = emptied.joined(separator: " and ")
    let next =
      dataset.visibility == .public
      ? "a public dataset keeps them; give new values instead"
      : "give new values instead, or withdraw the publication request first (portal tag \(dataset.slug) --private)"
    throw PortalError.notAllowed(
      "'\(dataset.name)' is \(dataset.visibility == .public ? "public" : "pending publication"), and the publication checklist needs its \(fields); \(next)"
    )
  }

  /// The publication checklist of a dataset as it stands: each item met or not, with
  /// what to do. `confirmedIrreversible` is the person's confirmation (the TUI's
  /// checkbox; the CLI's --confirm-irreversible or typed confirmation).
  public func publicationChecklist(_ reference: String, confirmedIrreversible: Bool = false) throws
    -> PublicationChecklist
  {
    let dataset = try resolve(reference)
    guard let state = try wrap({ try catalog.governanceState(dataset.id ?? 0) }) else {
      throw PortalError.datasetNotFound(reference)
    }
    return PublicationChecklist.evaluate(state, confirmedIrreversible: confirmedIrreversible)
  }

  /// Asks for datasets to become public (private → public-pending).
  @discardableResult
  public func requestPublication(_ reference: String) throws -> BulkResult {
    try applySingle(reference, [.visibility(.publicPending)])
  }

  /// Withdraws a publication request (public-pending → private). Refused for a public dataset.
  @discardableResult
  public func withdrawPublication(_ reference: String) throws -> BulkResult {
    try applySingle(reference, [.visibility(.private)])
  }

  /// Makes a public-pending dataset public once its checklist passes. Irreversible.
  @discardableResult
  public func publish(_ reference: String, confirmedIrreversible: Bool) throws -> BulkResult {
    try applySingle(reference, [.visibility(.public)], confirmed: confirmedIrreversible)
  }

  /// Sets a dataset's visibility without the publication checklist — only in a demo
  /// catalog, so the demo builder can show datasets at every stage. Recorded in the
  /// audit log as `demo.visibility`.
  func setVisibilityUnchecked(_ reference: String, to visibility: Visibility) throws {
    guard isDemo else { throw PortalError.notAllowed("visibility changes go through the publication checklist") }
    let dataset = try resolve(reference)
    try authorize(.changeVisibility, on: dataset)
    let login = actor.login
    _ = try wrap {
      try catalog.applyGovernance(datasetIDs: [dataset.id ?? 0], actor: try currentActor().user) { states in
        guard let state = states.first, state.dataset.visibility != visibility else { return [] }
        if state.dataset.visibility == .public {
          throw StoreError.conflict("'\(state.dataset.name)' is public; publication cannot be undone")
        }
        return [
          GovernanceWrite(
            datasetID: state.id, effect: .setVisibility(visibility),
            audit: AuditEvent(
              at: Date(), actor: login, action: "demo.visibility", targetKind: "dataset", targetID: state.dataset.slug))
        ]
      }
    }
  }

  /// Grants `permission` on a dataset to a user, group or lab team, optionally until
  /// `expires` (replacing an active grant of the same permission with another expiry).
  @discardableResult
  public func grant(
    _ reference: String, to principal: String, kind: PrincipalKind, permission: Permission, expires: Date? = nil
  ) throws -> BulkResult {
    try applySingle(reference, [.grant(PrincipalRef(kind: kind, name: principal), permission, expires: expires)])
  }

  /// Revokes one grant by id.
  @discardableResult
  public func revokeGrant(_ reference: String, id: Int64) throws -> BulkResult {
    try applySingle(reference, [.revokeGrant(id: id)])
  }

  /// The grants on a dataset (active first, then past), for those who may see them.
  public func grants(on reference: String, now: Date = Date()) throws -> [GrantRow] {
    let dataset = try resolve(reference)
    try authorize(.viewGrants, on: dataset)
    let grants = try wrap { try catalog.grants(on: dataset.id ?? 0) }
    let logins = try userLogins()
    return grants.map {
      GrantRow(
        grant: $0, datasetSlug: dataset.slug, datasetName: dataset.name,
        grantedByLogin: logins[$0.grantedBy] ?? "#\($0.grantedBy)", now: now)
    }.sorted { ($0.status != .active ? 1 : 0, $0.grant.id ?? 0) < ($1.status != .active ? 1 : 0, $1.grant.id ?? 0) }
  }

  /// Active grants expiring within `window` (14 days by default) that the actor may
  /// see — on datasets they manage or review, and their own — soonest first.
  public func expiringGrants(within window: TimeInterval = GrantRules.expiryWarning, now: Date = Date()) throws
    -> [GrantRow]
  {
    let actor = try currentActor()
    let grants = try wrap { try catalog.grantsExpiring(between: now, and: now.addingTimeInterval(window)) }
    let logins = try userLogins()
    var datasets: [Int64: (Dataset, [Grant])] = [:]
    return try grants.compactMap { grant in
      if datasets[grant.datasetID] == nil, let dataset = try wrap({ try catalog.dataset(id: grant.datasetID) }) {
        datasets[grant.datasetID] = (dataset, try wrap { try catalog.grants(on: grant.datasetID) })
      }
      guard let (dataset, all) = datasets[grant.datasetID], dataset.currentVersionID != nil else { return nil }
      let mine = actor.matches(kind: grant.principalKind, principal: grant.principal)
      let sees = AccessPolicy.decide(.viewGrants, actor: actor, dataset: dataset, grants: all, now: now).isAllowed
      guard mine || sees else { return nil }
      return GrantRow(
        grant: grant, datasetSlug: dataset.slug, datasetName: dataset.name,
        grantedByLogin: logins[grant.grantedBy] ?? "#\(grant.grantedBy)", now: now)
    }
  }

  /// Every user's login by id.
  func userLogins() throws -> [Int64: String] {
    Dictionary(try wrap { try catalog.users() }.map { ($0.id ?? 0, $0.login) }, uniquingKeysWith: { a, _ in a })
  }
}
