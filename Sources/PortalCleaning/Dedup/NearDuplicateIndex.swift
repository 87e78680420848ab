/// The corpus-wide half of near-dedup: band keys per document (phase 1), then LSH
/// candidates (documents sharing any whole band) joined by union-find into clusters
/// (phase 2). Each cluster keeps its lowest id.
///
/// Checkpointable: it is `Codable` and holds only ids and band keys (14 × 8 bytes a
/// document with the defaults), so a resumed run need not re-read the documents it had
/// already signed.
public struct NearDuplicateIndex: Sendable, Codable, Equatable {
  /// Band keys per document.
  public let bands: Int
  /// Document ids in insertion order.
  public private(set) var ids: [Int] = []
  /// Band keys, `bands` per document, flattened.
  public private(set) var keys: [UInt64] = []

  /// Creates an empty index for signatures with `bands` bands.
  public init(bands: Int = 14) { self.bands = bands }

  /// The number of documents added.
  public var count: Int { ids.count }

  /// Phase 1: records one document's band keys (from ``MinHasher/bandKeys(of:)``).
  public mutating func add(id: Int, bandKeys: [UInt64]) {
    precondition(bandKeys.count == bands, "band key count must match the index")
    ids.append(id)
    keys.append(contentsOf: bandKeys)
  }

  /// Adds the documents of another index (another shard, or a checkpoint).
  public mutating func merge(_ other: NearDuplicateIndex) {
    precondition(other.bands == bands, "indexes must use the same banding")
    ids.append(contentsOf: other.ids)
    keys.append(contentsOf: other.keys)
  }

  /// Phase 2: clusters with more than one member, each as the lowest id kept and the
  /// others removed, ordered by kept id.
  public func clusters() -> [StepReport.DuplicateGroup] {
    var parent = Array(0..<ids.count)
    func root(_ node: Int) -> Int {
      var node = node
      while parent[node] != node {
        parent[node] = parent[parent[node]]  // path halving
        node = parent[node]
      }
      return node
    }
    for band in 0..<bands {
      var firstWithKey: [UInt64: Int] = [:]
      firstWithKey.reserveCapacity(ids.count)
      for document in 0..<ids.count {
        let key = keys[document * bands + band]
        if let other = firstWithKey[key] {
          let (a, b) = (root(document), root(other))
          if a != b { parent[max(a, b)] = min(a, b) }
        } else {
          firstWithKey[key] = document
        }
      }
    }
    var members: [Int: [Int]] = [:]
    for document in 0..<ids.count { members[root(document), default: []].append(ids[document]) }
    return members.values.filter { $0.count > 1 }.map { group in
      let sorted = group.sorted()
      return StepReport.DuplicateGroup(kept: sorted[0], removed: Array(sorted.dropFirst()))
    }.sorted { $0.kept < $1.kept }
  }

  /// Phase 2: the ids to remove (every cluster member but the lowest id).
  public func idsToDrop() -> Set<Int> { Set(clusters().flatMap(\.removed)) }
}
