/// Turns what a person types into a safe FTS5 query: every word becomes a quoted
/// prefix term, so punctuation and FTS operators in the input are just text.
public enum FullTextQuery {
  /// The FTS5 MATCH expression for `input`, or nil when it holds no words.
  public static func make(_ input: String) -> String? {
    let words = input.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }).filter { word in
      word.contains { $0.isLetter || $0.isNumber }
    }
    guard !words.isEmpty else { return nil }
    return words.map { "\"\($0)\"*" }.joined(separator: " ")
  }
}
