/// Gopher's repetition rules (datatrove `gopher_repetition_filter.py`): duplicated lines
/// and paragraphs (by count and by characters), the most frequent 2/3/4-gram's coverage,
/// and the characters in duplicated 5- to 10-grams. Lines, paragraphs and n-grams are
/// compared by 64-bit hashes of their bytes, never as strings.
public struct GopherRepetitionFilter: Sendable {
  /// Maximum share of duplicated lines.
  public var maxDuplicateLineFraction = 0.3
  /// Maximum share of duplicated paragraphs.
  public var maxDuplicateParagraphFraction = 0.3
  /// Maximum share of characters in duplicated lines.
  public var maxDuplicateLineCharFraction = 0.2
  /// Maximum share of characters in duplicated paragraphs.
  public var maxDuplicateParagraphCharFraction = 0.2
  /// Maximum coverage of the most frequent n-gram, for n = 2, 3, 4.
  public var topNGramFractions: [(n: Int, fraction: Double)] = [(2, 0.20), (3, 0.18), (4, 0.16)]
  /// Maximum characters in duplicated n-grams, for n = 5 … 10.
  public var duplicateNGramFractions: [(n: Int, fraction: Double)] = [
    (5, 0.15), (6, 0.14), (7, 0.13), (8, 0.12), (9, 0.11), (10, 0.10),
  ]

  /// Creates the filter with datatrove's defaults.
  public init() {}

  /// The rule that fires for this text, or `nil` when it passes.
  func check(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [WordTokenizer.Token]) -> String? {
    let characters = Double(max(Self.scalarCount(bytes[...]), 1))
    let paragraphs = Self.duplicates(Self.split(bytes, minimumNewlines: 2), bytes)
    if Double(paragraphs.count) / Double(max(paragraphs.total, 1)) > maxDuplicateParagraphFraction {
      return "dup_para_frac"
    }
    if Double(paragraphs.characters) / characters > maxDuplicateParagraphCharFraction { return "dup_para_char_frac" }
    let lines = Self.duplicates(Self.split(bytes, minimumNewlines: 1), bytes)
    if Double(lines.count) / Double(max(lines.total, 1)) > maxDuplicateLineFraction { return "dup_line_frac" }
    if Double(lines.characters) / characters > maxDuplicateLineCharFraction { return "dup_line_char_frac" }

    let hashes = tokens.map { Self.hash(bytes[$0.start..<$0.end]) }
    for (n, fraction) in topNGramFractions where tokens.count >= n {
      var counts: [UInt64: (count: Int, first: Int)] = [:]
      var best = (count: 0, first: 0)
      for start in 0...(tokens.count - n) {
        let key = Self.combine(hashes[start..<start + n])
        let entry = counts[key].map { ($0.count + 1, $0.first) } ?? (1, start)
        counts[key] = entry
        if entry.0 > best.count { best = entry }
      }
      // Characters of " ".join(n-gram), times its count, as datatrove measures it.
      let length = tokens[best.first..<best.first + n].reduce(n - 1) { $0 + $1.characters }
      if Double(length * best.count) / characters > fraction { return "top_\(n)_gram" }
    }
    for (n, fraction) in duplicateNGramFractions where tokens.count >= n {
      var seen = Set<UInt64>()
      var repeated = 0
      var index = 0
      while index <= tokens.count - n {
        let key = Self.combine(hashes[index..<index + n])
        if seen.contains(key) {
          repeated += tokens[index..<index + n].reduce(0) { $0 + $1.characters }
          index += n
        } else {
          seen.insert(key)
          index += 1
        }
      }
      if Double(repeated) / characters > fraction { return "duplicated_\(n)_n_grams" }
    }
    return nil
  }

  // MARK: - Helpers

  /// Ranges between runs of at least `minimumNewlines` newlines, after trimming whitespace.
  static func split(_ bytes: UnsafeBufferPointer<UInt8>, minimumNewlines: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        var end = index
        while end < bytes.count && bytes[end] == 0x0A { end += 1 }
        if end - index >= minimumNewlines {
          ranges.append(start..<index)
          start = end
        }
        index = end
      } else {
        index += 1
      }
    }
    ranges.append(start..<bytes.count)
    return ranges.filter { !$0.isEmpty }
  }

  /// Elements seen before, their count and their characters (datatrove's `find_duplicates`).
  static func duplicates(_ ranges: [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>) -> (
    count: Int, characters: Int, total: Int
  ) {
    var seen = Set<UInt64>()
    var count = 0
    var characters = 0
    for range in ranges where !seen.insert(hash(bytes[range]) ^ UInt64(range.count)).inserted {
      count += 1
      characters += scalarCount(bytes[range])
    }
    return (count, characters, ranges.count)
  }

  static func scalarCount(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int {
    bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  static func combine(_ hashes: ArraySlice<UInt64>) -> UInt64 {
    var key: UInt64 = 0
    for hash in hashes { key = MinHasher.finalize(key &+ hash) }
    return key
  }
}
