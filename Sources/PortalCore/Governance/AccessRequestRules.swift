import Foundation

extension AccessRequest {
  /// How long a request waits for a decision before it expires.
  public static let pendingLifetime: TimeInterval = 30 * 86_400

  /// The state as of `now`: a pending request nobody decided within
  /// `pendingLifetime` is expired (derived, like a grant's expiry, so it holds from
  /// the second it passes without anything being written).
  public func effectiveState(at now: Date) -> State {
    if state == .pending && now.timeIntervalSince(createdAt) >= Self.pendingLifetime { return .expired }
    return state
  }

  /// Who the request is for.
  public var principalRef: PrincipalRef { PrincipalRef(kind: principalKind, name: principal) }

  /// When a grant made on approval at `now` would expire.
  public func grantExpiry(approvedAt now: Date) -> Date? {
    durationDays.map { now.addingTimeInterval(Double($0) * 86_400) }
  }
}
