import Foundation

/// How far the full-text index of sample excerpts has got. Imports publish a version
/// first and index its excerpts afterwards, in the background; until that ends, a
/// content search may miss samples of the versions still listed here.
public struct ContentIndexStatus: Sendable, Equatable, Codable {
  /// Samples of the pending versions already indexed.
  public var indexed: Int
  /// Samples of the pending versions in all.
  public var total: Int
  /// Versions (current versions of datasets the reader may discover) still pending.
  public var versions: Int
  /// When the index last advanced (or the version was published), if anything is pending.
  public var lastProgress: Date?

  /// A status with these figures (the catalog computes it; tests build it).
  public init(indexed: Int, total: Int, versions: Int, lastProgress: Date?) {
    self.indexed = indexed
    self.total = total
    self.versions = versions
    self.lastProgress = lastProgress
  }

  /// Nothing left to index: content search sees every sample.
  public var isComplete: Bool { versions == 0 }

  /// Whole percent built, 0–99 while pending (never 100 before it is complete).
  public var percent: Int {
    guard !isComplete else { return 100 }
    guard total > 0 else { return 0 }
    return min(99, indexed * 100 / total)
  }

  /// Whether an indexer advanced it recently (else it waits for `portal content-index`,
  /// a worker or the TUI to pick it up).
  public func isBuilding(now: Date = Date(), within: TimeInterval = 15) -> Bool {
    guard let lastProgress, !isComplete else { return false }
    return now.timeIntervalSince(lastProgress) < within
  }

  /// One line for people: "content index: 40% built — results may be incomplete", or nil.
  public func notice(now: Date = Date()) -> String? {
    guard !isComplete else { return nil }
    let state = isBuilding(now: now) ? "building in the background" : "paused; run `portal content-index` to finish it"
    return "content index: \(percent)% built (\(state)) — sample results may be incomplete"
  }
}
