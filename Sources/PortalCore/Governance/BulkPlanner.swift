import Foundation

/// Computes a `BulkPlan` from the datasets' governance states: every change is
/// checked against `AccessPolicy`, the visibility flow, the publication checklist and
/// the grant rules, one after another on a working copy, so later changes see the
/// earlier ones. Pure: nothing is written.
public enum BulkPlanner {
  /// Plans `change` on each of `states` for `actor` at `now`.
  public static func plan(_ change: BulkChange, states: [GovernanceState], actor: Actor, now: Date) -> BulkPlan {
    let items = states.map { state -> BulkPlan.Item in
      var working = state
      let outcomes = change.changes.map { one in
        outcome(of: one, on: &working, actor: actor, now: now, confirmed: change.confirmedIrreversible)
      }
      return BulkPlan.Item(
        datasetID: state.id, slug: state.dataset.slug, name: state.dataset.name, revision: state.dataset.revision,
        outcomes: outcomes)
    }
    return BulkPlan(change: change, items: items, actorID: actor.id, plannedAt: now)
  }

  private static func outcome(
    of change: GovernanceChange, on state: inout GovernanceState, actor: Actor, now: Date, confirmed: Bool
  ) -> BulkPlan.Outcome {
    func refused(_ before: String, _ reason: String) -> BulkPlan.Outcome {
      BulkPlan.Outcome(change: change, kind: .refused, before: before, after: before, reason: reason)
    }
    func unchanged(_ before: String, _ reason: String) -> BulkPlan.Outcome {
      BulkPlan.Outcome(change: change, kind: .unchanged, before: before, after: before, reason: reason)
    }
    let before = describe(change, state: state, now: now)
    if case .deny(let reason) = AccessPolicy.decide(
      change.requiredAction, actor: actor, dataset: state.dataset, grants: state.grants, now: now)
    {
      return refused(before, reason)
    }
    let dataset = state.dataset
    let effect: GovernanceEffect
    switch change {
    case .visibility(let target):
      if let problem = visibilityProblem(state, to: target, confirmed: confirmed) {
        return problem.refused ? refused(before, problem.reason) : unchanged(before, problem.reason)
      }
      effect = .setVisibility(target)
      state.dataset.visibility = target
      if target == .publicPending {
        state.publicationRequest = PublicationRequest(
          datasetID: state.id, versionID: dataset.currentVersionID, requestedBy: actor.id,
          requestedByLogin: actor.login,
          requestedAt: now)
      } else {
        state.publicationRequest = nil
      }
    case .sensitivity(let level):
      if dataset.sensitivity == level { return unchanged(before, "already \(level.rawValue)") }
      effect = .setSensitivity(level)
      state.dataset.sensitivity = level
    case .addTags(let tags):
      let merged = TagRules.normalised(dataset.tags + tags)
      if merged == dataset.tags { return unchanged(before, "already tagged") }
      effect = .setTags(merged)
      state.dataset.tags = merged
    case .removeTags(let tags):
      let drop = Set(TagRules.normalised(tags))
      let kept = dataset.tags.filter { !drop.contains($0) }
      if kept == dataset.tags { return unchanged(before, "has none of these tags") }
      effect = .setTags(kept)
      state.dataset.tags = kept
    case .grant(let principal, let permission, let expires):
      if let problem = GrantRules.problem(granting: permission, on: dataset, expires: expires, now: now) {
        return refused(before, problem)
      }
      let existing = state.activeGrants(at: now).first {
        $0.principalRef == principal && $0.permission == permission
      }
      if let existing, existing.expiresAt == expires {
        return unchanged(before, "\(principal) already holds \(permission.rawValue)")
      }
      let grant = Grant(
        datasetID: state.id, principalKind: principal.kind, principal: principal.name, permission: permission,
        expiresAt: expires, grantedBy: actor.id, grantedAt: now)
      effect = .addGrant(grant, replacing: existing?.id)
      state.grants = state.grants.map { $0.id == existing?.id && $0.id != nil ? revoked($0, by: actor, now: now) : $0 }
      state.grants.append(grant)
    case .revoke(let principal, let permission):
      let matching = state.activeGrants(at: now).filter {
        $0.principalRef == principal && (permission == nil || $0.permission == permission)
      }
      if matching.isEmpty { return unchanged(before, "\(principal) holds no such active grant") }
      effect = .revokeGrants(matching.compactMap(\.id))
      let ids = Set(matching.compactMap(\.id))
      state.grants = state.grants.map { ids.contains($0.id ?? -1) ? revoked($0, by: actor, now: now) : $0 }
    case .revokeGrant(let id):
      guard let grant = state.grants.first(where: { $0.id == id }) else {
        return refused(before, "grant #\(id) is not a grant on '\(dataset.slug)' (see portal grants \(dataset.slug))")
      }
      if !grant.isActive(at: now) {
        return unchanged(before, "grant #\(id) is already \(grant.revokedAt != nil ? "revoked" : "expired")")
      }
      effect = .revokeGrants([id])
      state.grants = state.grants.map { $0.id == id ? revoked($0, by: actor, now: now) : $0 }
    }
    return BulkPlan.Outcome(
      change: change, kind: .apply, before: before, after: describe(change, state: state, now: now), reason: nil,
      effect: effect)
  }

  /// Why a visibility change cannot be made (refused) or makes no difference.
  private static func visibilityProblem(_ state: GovernanceState, to target: Visibility, confirmed: Bool) -> (
    refused: Bool, reason: String
  )? {
    let dataset = state.dataset
    let current = dataset.visibility
    if current == target { return (false, "already \(target.rawValue)") }
    switch (current, target) {
    case (.public, _):
      return (true, "'\(dataset.slug)' is public, and publication cannot be undone")
    case (.private, .public):
      return (
        true, "'\(dataset.slug)' is private: request publication first (portal request-publication \(dataset.slug))"
      )
    case (.publicPending, .public):
      let checklist = PublicationChecklist.evaluate(state, confirmedIrreversible: confirmed)
      if checklist.passes { return nil }
      let missing = checklist.unmet.map { "\($0.title.lowercased()): \($0.explanation)" }
      return (true, "the publication checklist is not met — " + missing.joined(separator: "; "))
    case (.private, .publicPending):
      if dataset.currentVersionID == nil { return (true, "'\(dataset.slug)' has no version to publish yet") }
      return nil
    default:
      return nil
    }
  }

  private static func revoked(_ grant: Grant, by actor: Actor, now: Date) -> Grant {
    var grant = grant
    grant.revokedAt = now
    grant.revokedBy = actor.id
    return grant
  }

  /// The part of the state a change touches, in words.
  private static func describe(_ change: GovernanceChange, state: GovernanceState, now: Date) -> String {
    switch change {
    case .visibility: return state.dataset.visibility.rawValue
    case .sensitivity: return state.dataset.sensitivity.rawValue
    case .addTags, .removeTags:
      return state.dataset.tags.isEmpty ? "(no tags)" : state.dataset.tags.joined(separator: ", ")
    case .grant(let principal, _, _), .revoke(let principal, _):
      let held = state.activeGrants(at: now).filter { $0.principalRef == principal }
      return held.isEmpty ? "\(principal): nothing" : "\(principal): " + held.map(grantWords).joined(separator: ", ")
    case .revokeGrant(let id):
      guard let grant = state.grants.first(where: { $0.id == id }) else { return "no grant #\(id)" }
      return "#\(id) \(grant.principalRef) \(grantWords(grant))\(grant.isActive(at: now) ? "" : " (inactive)")"
    }
  }

  private static func grantWords(_ grant: Grant) -> String {
    grant.permission.rawValue + (grant.expiresAt.map { " until \(GovernanceFormat.day($0))" } ?? "")
  }
}

/// How tags are kept: trimmed, lower-case, no duplicates, in first-seen order.
public enum TagRules {
  /// The normalised form of `tags`.
  public static func normalised(_ tags: [String]) -> [String] {
    var seen = Set<String>()
    return tags.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
      .filter { !$0.isEmpty && seen.insert($0).inserted }
  }
}
