import Foundation

/// When a failed attempt runs again: exponential backoff with jitter, capped, so a
/// fleet of workers does not retry a failing dependency in lock step (Sidekiq's and
/// River's rule).
public struct JobRetryPolicy: Sendable, Equatable {
  /// The delay after the first failed attempt.
  public var baseDelay: TimeInterval
  /// The longest delay between attempts.
  public var maxDelay: TimeInterval
  /// The fraction of the delay randomised either way (0.25 → ±25 %).
  public var jitter: Double

  /// Creates a policy; the defaults retry after about 10 s, 20 s, 40 s… up to 10 minutes.
  public init(baseDelay: TimeInterval = 10, maxDelay: TimeInterval = 600, jitter: Double = 0.25) {
    self.baseDelay = baseDelay
    self.maxDelay = maxDelay
    self.jitter = min(max(jitter, 0), 1)
  }

  /// The delay after failed attempt `attempt` (1-based); `random` is a number in 0..<1.
  public func delay(afterAttempt attempt: Int, random: Double) -> TimeInterval {
    let exponent = Double(max(0, min(attempt - 1, 30)))
    let nominal = min(maxDelay, baseDelay * pow(2, exponent))
    let factor = 1 + jitter * (2 * min(max(random, 0), 1) - 1)
    return max(0, nominal * factor)
  }

  /// Whether a job that failed attempt `attempt` of `maxAttempts` runs again.
  public static func shouldRetry(attempt: Int, maxAttempts: Int, retryable: Bool) -> Bool {
    retryable && attempt < maxAttempts
  }
}
