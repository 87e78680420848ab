/// Gopher's quality rules (datatrove `gopher_quality_filter.py`), with per-language stop
/// words. Rule names are datatrove's, so reports compare directly.
public struct GopherQualityFilter: Sendable {
  /// Minimum non-symbol words.
  public var minWords = 50
  /// Maximum non-symbol words.
  public var maxWords = 100_000
  /// Minimum mean word length (non-symbol words, in characters).
  public var minMeanWordLength = 3.0
  /// Maximum mean word length.
  public var maxMeanWordLength = 10.0
  /// Maximum `#` per word, and ellipses per word.
  public var maxSymbolWordRatio = 0.1
  /// Maximum share of lines starting with a bullet.
  public var maxBulletLinesRatio = 0.9
  /// Maximum share of lines ending with an ellipsis.
  public var maxEllipsisLinesRatio = 0.3
  /// Minimum share of words containing a letter.
  public var minAlphaWordsRatio = 0.8
  /// Minimum stop words.
  public var minStopWords = 2

  /// Creates the filter with datatrove's defaults.
  public init() {}

  /// The rule that fires for this text, or `nil` when it passes.
  func check(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [WordTokenizer.Token], stopWords: Set<[UInt8]>) -> String? {
    let words = tokens.count
    let nonSymbol = tokens.filter { !$0.isPunctuation }
    if nonSymbol.count < minWords { return "gopher_short_doc" }
    if nonSymbol.count > maxWords { return "gopher_long_doc" }
    let meanLength = Double(nonSymbol.reduce(0) { $0 + $1.characters }) / Double(nonSymbol.count)
    if meanLength < minMeanWordLength { return "gopher_below_avg_threshold" }
    if meanLength > maxMeanWordLength { return "gopher_above_avg_threshold" }

    let counts = Self.countMarks(bytes)
    if Double(counts.hashes) / Double(words) > maxSymbolWordRatio { return "gopher_too_many_hashes" }
    if Double(counts.ellipses) / Double(words) > maxSymbolWordRatio { return "gopher_too_many_ellipsis" }
    if Double(counts.bulletLines) / Double(counts.lines) > maxBulletLinesRatio { return "gopher_too_many_bullets" }
    if Double(counts.ellipsisLines) / Double(counts.lines) > maxEllipsisLinesRatio {
      return "gopher_too_many_end_ellipsis"
    }
    let alphaWords = tokens.reduce(0) { $0 + ($1.hasLetter ? 1 : 0) }
    if Double(alphaWords) / Double(words) < minAlphaWordsRatio { return "gopher_below_alpha_threshold" }
    var stops = 0
    for token in nonSymbol where token.end - token.start <= 8 {
      let lowered = bytes[token.start..<token.end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
      if stopWords.contains(lowered) {
        stops += 1
        if stops >= minStopWords { break }
      }
    }
    return stops < minStopWords ? "gopher_enough_stop_words" : nil
  }

  /// Counts of `#`, ellipses ("..." and "…"), lines, bullet-led and ellipsis-ended lines.
  static func countMarks(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    hashes: Int, ellipses: Int, lines: Int, bulletLines: Int, ellipsisLines: Int
  ) {
    var hashes = 0
    var ellipses = 0
    var lines = 0
    var bulletLines = 0
    var ellipsisLines = 0
    var lineStart = 0
    let count = bytes.count
    var index = 0
    while index <= count {
      if index == count || bytes[index] == 0x0A {
        lines += 1
        var first = lineStart
        while first < index && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
        var last = index
        while last > first && (bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 || bytes[last - 1] == 0x0D) {
          last -= 1
        }
        if first < last {
          if bytes[first] == UInt8(ascii: "-")
            || (last - first >= 3 && bytes[first] == 0xE2 && bytes[first + 1] == 0x80 && bytes[first + 2] == 0xA2)
          {
            bulletLines += 1
          }
          if last - first >= 3
            && (bytes[last - 1] == 0x2E && bytes[last - 2] == 0x2E && bytes[last - 3] == 0x2E
              || bytes[last - 3] == 0xE2 && bytes[last - 2] == 0x80 && bytes[last - 1] == 0xA6)
          {
            ellipsisLines += 1
          }
        }
        lineStart = index + 1
        index += 1
        continue
      }
      switch bytes[index] {
      case UInt8(ascii: "#"): hashes += 1
      case 0x2E where index + 2 < count && bytes[index + 1] == 0x2E && bytes[index + 2] == 0x2E:
        ellipses += 1
        index += 2  // Python's str.count does not overlap
      case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6:
        ellipses += 1
      default: break
      }
      index += 1
    }
    return (hashes, ellipses, max(lines, 1), bulletLines, ellipsisLines)
  }
}
