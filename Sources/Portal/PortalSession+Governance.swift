import Foundation
import PortalCore
import PortalStore

// MARK: - Governance: metadata, grants, requests (first cut; the full rules and
// publication checklist extend these)

extension PortalSession {
  /// Changes a dataset's metadata. With `expectedRevision`, refuses if someone else
  /// changed it since it was read.
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
      change.languages = languages.map(LanguageTag.canonical)
    }
    if let tags = change.tags { change.tags = Self.normalisedTags(tags) }
    let finalChange = change
    return try wrap {
      try catalog.updateDataset(
        id: dataset.id ?? 0, expectedRevision: expectedRevision,
        audit: event("dataset.edit", target: "dataset", dataset.slug)
      ) { finalChange.apply(to: &$0) }
    }
  }

  /// Sets a dataset's visibility without the publication checklist: only for the
  /// demo builder and for making a dataset private again before it was ever public.
  func setVisibilityUnchecked(_ reference: String, to visibility: Visibility) throws {
    let dataset = try resolve(reference)
    try authorize(.changeVisibility, on: dataset)
    if dataset.visibility == .public && visibility != .public {
      throw PortalError.notAllowed("'\(dataset.name)' is public; publication cannot be undone")
    }
    _ = try wrap {
      try catalog.updateDataset(
        id: dataset.id ?? 0, audit: event("visibility.change", target: "dataset", dataset.slug)
      ) { $0.visibility = visibility }
    }
  }

  /// Grants `permission` on a dataset to a user, group or lab team, optionally until `expires`.
  @discardableResult
  public func grant(
    _ reference: String, to principal: String, kind: PrincipalKind, permission: Permission, expires: Date? = nil
  ) throws -> Grant {
    let dataset = try resolve(reference)
    try authorize(.manageGrants, on: dataset)
    if let expires, expires <= Date() {
      throw PortalError.invalidArgument("the expiry date is in the past; choose a later date")
    }
    let grant = Grant(
      datasetID: dataset.id ?? 0, principalKind: kind, principal: principal, permission: permission,
      expiresAt: expires, grantedBy: actor.id)
    return try wrap { try catalog.addGrant(grant, audit: event("grant.create", target: "grant", "")) }
  }

  /// Asks for `permission` on a dataset, for the actor or a lab team the actor belongs to.
  @discardableResult
  public func requestAccess(
    _ reference: String, permission: Permission, purpose: String, durationDays: Int?, forLab lab: String? = nil
  ) throws -> AccessRequest {
    let dataset = try resolve(reference)
    let trimmed = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw PortalError.invalidArgument("say what the access is for: --purpose \"…\"") }
    let request = AccessRequest(
      datasetID: dataset.id ?? 0, principalKind: lab == nil ? .user : .lab, principal: lab ?? actor.login,
      permission: permission, purpose: trimmed, durationDays: durationDays, requestedBy: actor.id)
    return try wrap { try catalog.addRequest(request, audit: event("request.create", target: "request", "")) }
  }
}
