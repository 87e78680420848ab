/// Word and character error rates: edit distance over words (or characters) divided by
/// the reference length, after lower-casing and dropping punctuation.
public enum ErrorRate {
  /// Word error rate of `hypothesis` against `reference`.
  public static func words(reference: String, hypothesis: String) -> Double {
    let ref = tokens(reference)
    return ref.isEmpty ? 0 : Double(distance(ref, tokens(hypothesis))) / Double(ref.count)
  }

  /// Character error rate, whitespace runs folded to one space.
  public static func characters(reference: String, hypothesis: String) -> Double {
    let ref = Array(fold(reference))
    return ref.isEmpty ? 0 : Double(distance(ref, Array(fold(hypothesis)))) / Double(ref.count)
  }

  static func tokens(_ text: String) -> [String] {
    text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }.map(String.init)
  }

  static func fold(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Levenshtein distance with two rows.
  static func distance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
