/// Turns what a person types into a safe FTS5 query: every word becomes a quoted
/// prefix term, so punctuation and FTS operators in the input are just text.
public enum FullTextQuery {
  /// The FTS5 MATCH expression for `input`, or nil when it holds no words. With
  /// `phrases` (the metadata index, which keeps token positions) a word the tokenizer
  /// splits ("e-mail") is matched as a phrase; without (the sample-text index, built
  /// with detail=column, which cannot match phrases) its parts must all occur. Without
  /// `prefixes` each term matches whole words only.
  public static func make(_ input: String, phrases: Bool = true, prefixes: Bool = true) -> String? {
    let words = input.split(whereSeparator: { $0.isWhitespace || $0 == "\"" }).filter { word in
      word.contains { $0.isLetter || $0.isNumber }
    }
    guard !words.isEmpty else { return nil }
    let star = prefixes ? "*" : ""
    if phrases { return words.map { "\"\($0)\"\(star)" }.joined(separator: " ") }
    // The unicode61 tokenizer keeps letters and numbers and splits at anything else.
    let parts = words.flatMap { word in
      word.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
    }
    return parts.map { "\"\($0)\"\(star)" }.joined(separator: " ")
  }
}
