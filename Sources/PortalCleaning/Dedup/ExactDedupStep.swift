import Crypto
import Foundation

/// The `dedup` step: drops a document whose text has been seen before, keeping the first.
///
/// Texts are compared by the first 64 bits of their SHA-256 (stable across runs and
/// machines, unlike Swift's seeded `Hasher`; a collision needs ~4 billion documents to
/// become likely). With ``normalizesBeforeHashing`` the hash is taken over the
/// ``TextNormalizer`` output, so texts differing only in whitespace or encoding damage
/// count as one. Checkpointable: ``saveState()`` writes every hash seen with the id that
/// first had it (16 bytes a document, as ``ExactDedupState``), and which hashes already
/// have duplicates (so `findings["duplicate_groups"]` counts each group once).
public struct ExactDedupStep: CleaningStep {
  /// `dedup`.
  public let name = "dedup"
  /// Whether to normalise a copy of the text before hashing (needless after `normalize`).
  public var normalizesBeforeHashing: Bool
  /// Hash → id of the first document that had it.
  public private(set) var firstSeen: [UInt64: Int] = [:]
  /// Hashes already seen twice, so each duplicate group is counted once.
  public private(set) var duplicated: Set<UInt64> = []

  /// Creates the step.
  public init(normalizesBeforeHashing: Bool = false) { self.normalizesBeforeHashing = normalizesBeforeHashing }

  /// Keeps a document the first time its text is seen; drops it (`exact_duplicate`) after.
  public mutating func process(_ document: Document) -> StepResult {
    let text = normalizesBeforeHashing ? TextNormalizer().normalize(document.text) : document.text
    let hash = Self.hash(text)
    if let original = firstSeen[hash] {
      var result = StepResult.drop(document, rule: "exact_duplicate")
      result.duplicateOf = original
      if duplicated.insert(hash).inserted { result.findings = ["duplicate_groups": 1] }
      return result
    }
    firstSeen[hash] = document.id
    return .keep(document)
  }

  /// The 64-bit content hash: the first eight bytes of SHA-256, big-endian.
  public static func hash(_ text: String) -> UInt64 {
    SHA256.hash(data: Data(text.utf8)).withUnsafeBytes { raw in
      raw.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
  }

  /// Encodes ``firstSeen`` as JSON.
  public func saveState() throws -> Data? {
    try JSONEncoder().encode(
      ExactDedupState(hashes: Array(firstSeen.keys), ids: Array(firstSeen.values), duplicated: Array(duplicated)))
  }

  /// Restores ``firstSeen``.
  public mutating func restoreState(_ data: Data) throws {
    do {
      let state = try JSONDecoder().decode(ExactDedupState.self, from: data)
      guard state.hashes.count == state.ids.count else {
        throw CleaningError.unreadableCheckpoint(step: name, reason: "hash and id counts differ")
      }
      firstSeen = Dictionary(zip(state.hashes, state.ids), uniquingKeysWith: min)
      duplicated = Set(state.duplicated)
    } catch let error as CleaningError {
      throw error
    } catch {
      throw CleaningError.unreadableCheckpoint(step: name, reason: "\(error)")
    }
  }
}

/// The checkpointed state of ``ExactDedupStep``: parallel arrays of hashes and first ids.
public struct ExactDedupState: Codable, Sendable {
  /// Content hashes.
  public var hashes: [UInt64]
  /// The id that first had each hash.
  public var ids: [Int]
  /// Hashes seen more than once.
  public var duplicated: [UInt64]
}
