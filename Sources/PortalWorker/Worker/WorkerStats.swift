import Foundation

/// What a worker did, for `portal worker --stats` and the queue benchmark.
public struct WorkerStats: Sendable, Equatable, Codable {
  /// Jobs claimed.
  public var claims: Int
  /// Claim latency (looking for a job until holding it), median and 99th percentile, ms.
  public var claimP50Millis: Double
  public var claimP99Millis: Double
  /// Seconds from start to stop.
  public var seconds: Double

  enum CodingKeys: String, CodingKey {
    case claims
    case claimP50Millis = "claim_p50_ms"
    case claimP99Millis = "claim_p99_ms"
    case seconds
  }

  /// Summarises claim durations (seconds).
  init(durations: [Double], seconds: Double) {
    let sorted = durations.sorted()
    func percentile(_ p: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let index = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
      return (sorted[max(0, index)] * 1_000_000).rounded() / 1000
    }
    claims = sorted.count
    claimP50Millis = percentile(0.5)
    claimP99Millis = percentile(0.99)
    self.seconds = seconds
  }
}
