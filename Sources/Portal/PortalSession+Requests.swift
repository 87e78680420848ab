import Foundation
import PortalCore
import PortalStore

// MARK: - Access requests (ask, approve, reject, withdraw) and reviewers' sign-offs

extension PortalSession {
  /// Asks for `permission` on a dataset with a purpose and a duration, for the actor
  /// or for a group or lab team (the actor must belong to it, unless partner staff
  /// files it on the team's behalf).
  @discardableResult
  public func requestAccess(
    _ reference: String, permission: Permission, purpose: String, durationDays: Int?, for principal: PrincipalRef? = nil
  ) throws -> AccessRequest {
    let dataset = try resolve(reference)
    try authorize(.requestAccess, on: dataset)
    let actor = try currentActor()
    let trimmed = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw PortalError.invalidArgument("say what the access is for: --purpose \"…\"") }
    if let durationDays, !(1...3650).contains(durationDays) {
      throw PortalError.invalidArgument("a duration is between 1 and 3650 days (or leave it out for open-ended)")
    }
    let who = principal ?? PrincipalRef(kind: .user, name: actor.login)
    try validate(who)
    if who.kind != .user || who.name != actor.login {
      guard actor.matches(kind: who.kind, principal: who.name) || actor.role <= .steward else {
        throw PortalError.notAllowed("you may request access for yourself or for a team you belong to, not for \(who)")
      }
    }
    let now = Date()
    let grants = try wrap { try catalog.grants(on: dataset.id ?? 0) }
    if let held = grants.first(where: { $0.isActive(at: now) && $0.principalRef == who && $0.permission == permission })
    {
      let until = held.expiresAt.map { " until \(GovernanceFormat.day($0))" } ?? ""
      throw PortalError.invalidArgument("\(who) already holds \(permission.rawValue) on '\(dataset.name)'\(until)")
    }
    // Use rights and retention are checked when the request is approved: the owner
    // decides, and may reject with the reason.
    let request = AccessRequest(
      datasetID: dataset.id ?? 0, principalKind: who.kind, principal: who.name, permission: permission,
      purpose: trimmed, durationDays: durationDays, requestedBy: actor.id, createdAt: now)
    return try wrap {
      try catalog.addAccessRequest(request, audit: event("request.create", target: "request", ""))
    }
  }

  /// Requests on one dataset (for those who manage it: all; for others: their own),
  /// or, without a dataset, every request the actor made.
  public func accessRequests(dataset reference: String? = nil, now: Date = Date()) throws -> [RequestRow] {
    let actor = try currentActor()
    guard let reference else {
      return try rows(try wrap { try catalog.accessRequests(requestedBy: actor.id) }, now: now)
    }
    let dataset = try resolve(reference)
    let manages = AccessPolicy.decide(
      .manageGrants, actor: actor, dataset: dataset, grants: try wrap { try catalog.grants(on: dataset.id ?? 0) },
      now: now
    ).isAllowed
    let all = try wrap { try catalog.accessRequests(datasetIDs: [dataset.id ?? 0]) }
    return try rows(manages ? all : all.filter { $0.requestedBy == actor.id }, now: now)
  }

  /// The inbox of owners and stewards: pending requests on every dataset the actor
  /// may decide, oldest first.
  public func requestInbox(now: Date = Date()) throws -> [RequestRow] {
    let actor = try currentActor()
    let pending = try wrap { try catalog.accessRequests(states: [.pending]) }
      .filter { $0.effectiveState(at: now) == .pending }
    var decidable: [Int64: Bool] = [:]
    let mine = try pending.filter { request in
      if let known = decidable[request.datasetID] { return known }
      guard let dataset = try wrap({ try catalog.dataset(id: request.datasetID) }) else { return false }
      let grants = try wrap { try catalog.grants(on: request.datasetID) }
      let allowed = AccessPolicy.decide(.manageGrants, actor: actor, dataset: dataset, grants: grants, now: now)
        .isAllowed
      decidable[request.datasetID] = allowed
      return allowed
    }
    return try rows(mine.reversed(), now: now)
  }

  /// Approves a pending request: creates the grant, expiring after the requested
  /// duration (or at `expires` when the approver shortens it).
  @discardableResult
  public func approveRequest(_ id: Int64, expires: Date? = nil) throws -> (AccessRequest, Grant) {
    let (request, dataset) = try decidable(id)
    let now = Date()
    let expiry = expires ?? request.grantExpiry(approvedAt: now)
    if let problem = GrantRules.problem(granting: request.permission, on: dataset, expires: expiry, now: now) {
      let next =
        problem.contains("kept at most")
        ? "approve with an earlier --expires, or reject it with a reason"
        : "reject it with a reason (portal reject \(id) --reason …)"
      throw PortalError.notAllowed("\(problem) — \(next)")
    }
    let grant = Grant(
      datasetID: request.datasetID, principalKind: request.principalKind, principal: request.principal,
      permission: request.permission, expiresAt: expiry, grantedBy: actor.id, grantedAt: now)
    return try wrap {
      try catalog.approveRequest(
        id: id, grant: grant, decidedBy: actor.id, now: now, audit: event("request.approve", target: "request", ""))
    }
  }

  /// Rejects a pending request; the reason is required and shown to the requester.
  @discardableResult
  public func rejectRequest(_ id: Int64, reason: String) throws -> AccessRequest {
    let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw PortalError.invalidArgument("a rejection needs a reason: --reason \"…\"") }
    _ = try decidable(id)
    return try wrap {
      try catalog.closeRequest(
        id: id, as: .rejected, reason: trimmed, decidedBy: actor.id,
        audit: event("request.reject", target: "request", ""))
    }
  }

  /// Withdraws one of the actor's own pending requests.
  @discardableResult
  public func withdrawRequest(_ id: Int64) throws -> AccessRequest {
    guard let request = try wrap({ try catalog.accessRequest(id: id) }), request.requestedBy == actor.id else {
      throw PortalError.invalidArgument("you have no request #\(id) (see portal requests --mine)")
    }
    return try wrap {
      try catalog.closeRequest(
        id: id, as: .withdrawn, reason: nil, decidedBy: actor.id,
        audit: event("request.withdraw", target: "request", ""))
    }
  }

  /// Signs off the current version of a public-pending dataset for publication.
  @discardableResult
  public func signOff(_ reference: String, note: String = "") throws -> Signoff {
    let dataset = try resolve(reference)
    try authorize(.signOff, on: dataset)
    guard dataset.visibility == .publicPending,
      let state = try wrap({ try catalog.governanceState(dataset.id ?? 0) })
    else {
      throw PortalError.notAllowed(
        "'\(dataset.name)' is \(dataset.visibility.rawValue); sign-off is for datasets pending publication")
    }
    if state.publicationRequest?.requestedBy == actor.id {
      throw PortalError.notAllowed("you requested publication of '\(dataset.name)'; another reviewer must sign it off")
    }
    let signoff = Signoff(
      datasetID: dataset.id ?? 0, versionID: dataset.currentVersionID, reviewerID: actor.id,
      reviewerLogin: actor.login, note: note.trimmingCharacters(in: .whitespacesAndNewlines))
    return try wrap { try catalog.addSignoff(signoff, audit: event("publication.signoff", target: "signoff", "")) }
  }

  /// A pending request the actor may decide, with its dataset.
  private func decidable(_ id: Int64) throws -> (AccessRequest, Dataset) {
    guard let request = try wrap({ try catalog.accessRequest(id: id) }),
      let dataset = try wrap({ try catalog.dataset(id: request.datasetID) })
    else { throw PortalError.invalidArgument("there is no request #\(id) (see portal requests)") }
    do {
      try authorize(.manageGrants, on: dataset)
    } catch PortalError.notAllowed {
      throw PortalError.notAllowed("deciding requests on '\(dataset.name)' needs the manage permission")
    }
    let state = request.effectiveState(at: Date())
    guard state == .pending else {
      throw PortalError.invalidArgument("request #\(id) is \(state.rawValue); only pending requests can be decided")
    }
    return (request, dataset)
  }

  private func rows(_ requests: [AccessRequest], now: Date) throws -> [RequestRow] {
    let logins = try userLogins()
    var datasets: [Int64: Dataset] = [:]
    return try requests.compactMap { request in
      if datasets[request.datasetID] == nil {
        datasets[request.datasetID] = try wrap { try catalog.dataset(id: request.datasetID) }
      }
      guard let dataset = datasets[request.datasetID] else { return nil }
      return RequestRow(
        request: request, datasetSlug: dataset.slug, datasetName: dataset.name,
        requestedByLogin: logins[request.requestedBy] ?? "#\(request.requestedBy)", now: now)
    }
  }
}
