import Foundation

/// The rules a new grant must follow on a dataset, beyond who may grant.
public enum GrantRules {
  /// How far ahead the portal warns about expiring grants.
  public static let expiryWarning: TimeInterval = 14 * 86_400

  /// Why granting `permission` until `expires` on `dataset` is refused, or nil.
  /// Use permissions follow the dataset's use rights: training on an evaluate-only
  /// dataset cannot be granted, and a retention period caps how long the data may
  /// be used (so the grant must end within it).
  public static func problem(
    granting permission: Permission, on dataset: Dataset, expires: Date?, now: Date
  ) -> String? {
    if let expires, expires <= now {
      return "the expiry \(GovernanceFormat.minute(expires)) is in the past; choose a later date"
    }
    let rights = dataset.useRights
    if permission == .train && !rights.train {
      return "'\(dataset.name)' may not be used for training (its use rights say evaluation only)"
    }
    if permission == .evaluate && !rights.evaluate {
      return "'\(dataset.name)' may not be used for evaluation (its use rights)"
    }
    if [.train, .evaluate, .download].contains(permission), let days = rights.retentionDays,
      dataset.visibility != .public
    {
      let limit = now.addingTimeInterval(Double(days) * 86_400)
      guard let expires else {
        return
          "'\(dataset.name)' may be kept at most \(days) days; give the \(permission.rawValue) grant an expiry no later than \(GovernanceFormat.day(limit)) (--expires)"
      }
      if expires > limit.addingTimeInterval(86_400) {
        return
          "'\(dataset.name)' may be kept at most \(days) days; the expiry must be no later than \(GovernanceFormat.day(limit))"
      }
    }
    return nil
  }

  /// Whether `grant` is active and expires within `window` of `now`.
  public static func isExpiringSoon(_ grant: Grant, now: Date, window: TimeInterval = expiryWarning) -> Bool {
    guard grant.isActive(at: now), let expires = grant.expiresAt else { return false }
    return expires.timeIntervalSince(now) <= window
  }
}
