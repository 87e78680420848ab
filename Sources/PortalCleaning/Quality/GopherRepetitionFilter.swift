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

    // keys[i] is the hash of the n-gram starting at token i; going from n to n + 1 folds in
    // one more token, so every n costs one pass, not n.
    let hashes = tokens.map { Self.hash(bytes[$0.start..<$0.end]) }
    var prefix = [0]  // prefix[i]: characters in tokens[..<i]
    prefix.reserveCapacity(tokens.count + 1)
    for token in tokens { prefix.append(prefix[prefix.count - 1] + token.characters) }
    var keys = [UInt64](repeating: 0, count: tokens.count)
    var n = 0
    let largest = max(topNGramFractions.map(\.n).max() ?? 0, duplicateNGramFractions.map(\.n).max() ?? 0)
    while n < min(largest, tokens.count) {
      n += 1
      let starts = tokens.count - n + 1
      for start in 0..<starts { keys[start] = MinHasher.finalize(keys[start] &+ hashes[start + n - 1]) }
      if let fraction = topNGramFractions.first(where: { $0.n == n })?.fraction {
        var counts = UInt64Table(minimumCapacity: starts)
        var best = (count: 0, first: 0)
        for start in 0..<starts {
          let count = Int(counts.add(1, to: keys[start]))
          if count > best.count { best = (count, start) }  // `start` is an occurrence of it
        }
        // Characters of " ".join(n-gram), times its count, as datatrove measures it.
        let length = prefix[best.first + n] - prefix[best.first] + n - 1
        if Double(length * best.count) / characters > fraction { return "top_\(n)_gram" }
      }
      if let fraction = duplicateNGramFractions.first(where: { $0.n == n })?.fraction {
        var seen = UInt64Table(minimumCapacity: starts)
        var repeated = 0
        var index = 0
        while index < starts {
          if seen.value(for: keys[index]) != nil {
            repeated += prefix[index + n] - prefix[index]
            index += n
          } else {
            seen.add(1, to: keys[index])
            index += 1
          }
        }
        if Double(repeated) / characters > fraction { return "duplicated_\(n)_n_grams" }
      }
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
    var seen = UInt64Table(minimumCapacity: ranges.count)
    var count = 0
    var characters = 0
    for range in ranges where seen.add(1, to: hash(bytes[range]) ^ UInt64(range.count)) > 1 {
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
}
