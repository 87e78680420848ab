/// MinHash signatures with datatrove's defaults: 5-word shingles, 14 bands × 8 rows = 112
/// 64-bit values. Each shingle's hash `h` goes through 112 cheap permutations
/// `a·h + b (mod 2^64)` with odd `a` (a bijection, as datasketch's `(a·h+b) mod p`), kept as
/// a running minimum over integer arrays; bands are then hashed to one key each, which is
/// all the LSH index needs.
public struct MinHasher: Sendable {
  /// Words per shingle.
  public let shingleSize: Int
  /// LSH bands.
  public let bands: Int
  /// Rows (hash values) per band.
  public let rows: Int
  private let multipliers: [UInt64]
  private let increments: [UInt64]

  /// Creates a hasher; the same `seed` gives the same permutations on every machine.
  public init(shingleSize: Int = 5, bands: Int = 14, rows: Int = 8, seed: UInt64 = 1) {
    self.shingleSize = shingleSize
    self.bands = bands
    self.rows = rows
    var state = seed
    func next() -> UInt64 {  // SplitMix64
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    multipliers = (0..<(bands * rows)).map { _ in next() | 1 }
    increments = (0..<(bands * rows)).map { _ in next() }
  }

  /// The `bands × rows` minimum hashes, or `nil` for a text without words.
  public func signature(of text: String) -> [UInt64]? {
    let words = ShingleHasher.wordHashes(text)
    guard !words.isEmpty else { return nil }
    let width = min(shingleSize, words.count)  // shorter texts form one shingle
    var minimums = [UInt64](repeating: .max, count: bands * rows)
    minimums.withUnsafeMutableBufferPointer { mins in
      multipliers.withUnsafeBufferPointer { a in
        increments.withUnsafeBufferPointer { b in
          for start in 0...(words.count - width) {
            var shingle: UInt64 = 0
            for offset in 0..<width { shingle = (shingle &* 0x9E37_79B9_7F4A_7C15) ^ words[start + offset] }
            shingle = Self.finalize(shingle)
            for lane in 0..<mins.count {
              let value = a[lane] &* shingle &+ b[lane]
              mins[lane] = min(mins[lane], value)
            }
          }
        }
      }
    }
    return minimums
  }

  /// One key per band: a hash of the band's rows; two texts are candidates when any key matches.
  public func bandKeys(of text: String) -> [UInt64]? {
    guard let signature = signature(of: text) else { return nil }
    return (0..<bands).map { band in
      var key = UInt64(band)
      for row in 0..<rows { key = Self.finalize(key ^ signature[band * rows + row]) }
      return key
    }
  }

  /// The share of equal positions between two signatures, an estimate of Jaccard similarity.
  public static func similarity(_ first: [UInt64], _ second: [UInt64]) -> Double {
    guard first.count == second.count, !first.isEmpty else { return 0 }
    return Double(zip(first, second).filter { $0 == $1 }.count) / Double(first.count)
  }

  /// The Murmur3 64-bit finaliser: every input bit affects every output bit.
  static func finalize(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return z ^ (z >> 33)
  }
}
