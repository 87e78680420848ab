/// The `near-dedup` step, which needs the whole corpus and so has two phases:
/// ``add(_:)`` for every document, then ``finish()`` for the ids to drop. ``Pipeline``
/// drives it after its streaming steps (signatures are taken from the text that survives
/// them, wherever `near-dedup` sits in `--steps`), as datatrove runs MinHash as its own
/// pipeline. Checkpointable through ``index`` (`Codable`).
public struct NearDedup: Sendable {
  /// `near-dedup`.
  public let name = "near-dedup"
  /// Signature computation.
  public let hasher: MinHasher
  /// Band keys collected so far.
  public var index: NearDuplicateIndex
  /// Documents seen without any word (not indexed, never removed).
  public var unsigned = 0

  /// Creates the step with datatrove's parameters by default.
  public init(hasher: MinHasher = MinHasher()) {
    self.hasher = hasher
    self.index = NearDuplicateIndex(bands: hasher.bands)
  }

  /// Phase 1: signs one document.
  public mutating func add(_ document: Document) {
    guard let keys = hasher.bandKeys(of: document.text) else {
      unsigned += 1
      return
    }
    index.add(id: document.id, bandKeys: keys)
  }

  /// Phase 2: the clusters, and the report of a step that took in every document added
  /// and removed all but the lowest id of each cluster.
  public func finish() -> (clusters: [StepReport.DuplicateGroup], report: StepReport) {
    let clusters = index.clusters()
    var report = StepReport(step: name)
    report.itemsIn = index.count + unsigned
    report.itemsOut = report.itemsIn
    report.recordLateDrops(clusters, rule: "near_duplicate")
    return (clusters, report)
  }
}
