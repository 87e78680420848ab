import Foundation
import PortalCore
import PortalStore

// MARK: - Bulk changes: preview every change, then apply all or none in one transaction

extension PortalSession {
  /// Plans `change` on the datasets `references` name, without writing: every
  /// resulting change per dataset with its before and after, or its refusal and why.
  /// The TUI's multi-select and the CLI's `tag`, `grant`, `revoke`, `publish`… call this.
  public func planBulkChange(_ references: [String], _ change: BulkChange, now: Date = Date()) throws -> BulkPlan {
    guard !references.isEmpty else { throw PortalError.invalidArgument("name at least one dataset") }
    guard !change.changes.isEmpty else {
      throw PortalError.invalidArgument(
        "say what to change (for example --private, --sensitivity confidential, --tag-add news)")
    }
    try validatePrincipals(in: change)
    var seen = Set<Int64>()
    let datasets = try references.map(resolve).filter { seen.insert($0.id ?? 0).inserted }
    let states = try wrap { try catalog.governanceStates(datasets.compactMap(\.id)) }
    return BulkPlanner.plan(change, states: states, actor: try currentActor(), now: now)
  }

  /// Applies a plan from `planBulkChange`. All or none: with a refusal in the plan it
  /// writes nothing unless `skipRefused` (then the refused datasets are left out and
  /// the rest is written). Everything is re-planned inside the one write transaction;
  /// if the outcome differs from the preview (someone changed a dataset meanwhile)
  /// nothing is written. Each change leaves one audit event.
  @discardableResult
  public func applyBulkChange(_ plan: BulkPlan, skipRefused: Bool = false) throws -> BulkResult {
    let actor = try currentActor()
    guard plan.actorID == actor.id else {
      throw PortalError.notAllowed("this plan was made by another user; make your own preview")
    }
    let refused = plan.items.filter(\.isRefused)
    if !refused.isEmpty && !skipRefused {
      let names = refused.map(\.slug).joined(separator: ", ")
      throw PortalError.notAllowed(
        "\(refused.count) of \(plan.items.count) dataset(s) would be refused (\(names)), so nothing was changed; fix them or leave them out"
      )
    }
    let kept = plan.items.filter { !$0.isRefused }
    let expected = BulkPlan(change: plan.change, items: kept, actorID: plan.actorID, plannedAt: plan.plannedAt)
    let login = actor.login
    let events = try wrap {
      try catalog.applyGovernance(datasetIDs: kept.map(\.datasetID), actor: actor.user) { states in
        let now = Date()
        let fresh = BulkPlanner.plan(plan.change, states: states, actor: actor, now: now)
        guard fresh.writesSameAs(expected), !fresh.hasRefusals else {
          throw StoreError.conflict(
            "the catalog changed since the preview (another session edited these datasets); nothing was changed — preview again"
          )
        }
        return fresh.items.flatMap { item in
          item.outcomes.compactMap { outcome -> GovernanceWrite? in
            guard outcome.kind == .apply, let effect = outcome.effect else { return nil }
            let kind = effect.auditAction.hasPrefix("grant") ? "grant" : "dataset"
            return GovernanceWrite(
              datasetID: item.datasetID, effect: effect,
              audit: AuditEvent(
                at: now, actor: login, action: effect.auditAction, targetKind: kind, targetID: item.slug))
          }
        }
      }
    }
    logger.info("bulk change applied", metadata: ["changes": "\(events.count)", "datasets": "\(kept.count)"])
    return BulkResult(events: events, skipped: refused.map(\.slug))
  }

  /// Plans and applies `changes` on one dataset, throwing the refusal's reason.
  @discardableResult
  func applySingle(_ reference: String, _ changes: [GovernanceChange], confirmed: Bool = false) throws -> BulkResult {
    let plan = try planBulkChange([reference], BulkChange(changes, confirmedIrreversible: confirmed))
    if let reason = plan.items.flatMap(\.outcomes).first(where: { $0.kind == .refused })?.reason {
      throw PortalError.notAllowed(reason)
    }
    return try applyBulkChange(plan)
  }

  /// Refuses principals the catalog does not know, before anything is planned.
  func validatePrincipals(in change: BulkChange) throws {
    for one in change.changes {
      switch one {
      case .grant(let principal, _, _), .revoke(let principal, _): try validate(principal)
      default: break
      }
    }
  }

  /// Throws unless `principal` names a user, partner group or lab team of the catalog.
  func validate(_ principal: PrincipalRef) throws {
    switch principal.kind {
    case .user:
      if try wrap({ try catalog.user(login: principal.name) }) == nil {
        throw PortalError.invalidArgument("no user '\(principal.name)' (see portal user list)")
      }
    case .group, .lab:
      let group = try wrap { try catalog.group(named: principal.name) }
      let wanted: Group.Kind = principal.kind == .lab ? .lab : .partner
      guard let group, group.kind == wanted else {
        let noun = principal.kind == .lab ? "lab team" : "group"
        throw PortalError.invalidArgument("no \(noun) '\(principal.name)' (see portal group list)")
      }
    }
  }
}

extension PortalError {
  /// Whether a bulk change was refused only because another session changed the same
  /// datasets after the plan was made: planning again shows (and may apply) the
  /// change against the new state.
  public var isStalePlan: Bool {
    if case .store(let error) = self, case .conflict(let message) = error {
      return message.hasPrefix(PortalSession.stalePlanMessage)
    }
    return false
  }
}

extension PortalSession {
  /// The start of the refusal `applyBulkChange` gives for a stale plan.
  static let stalePlanMessage = "the catalog changed since the preview"
}
