/// Scores how well typed letters match a name, fzf-style: all letters must appear in
/// order; consecutive letters and letters at word starts score higher.
enum FuzzyMatch {
  /// The score, or nil when `pattern` is not a subsequence of `candidate`.
  static func score(_ pattern: String, _ candidate: String) -> Int? {
    let needle = Array(pattern.lowercased().filter { !$0.isWhitespace })
    guard !needle.isEmpty else { return 0 }
    let haystack = Array(candidate.lowercased())
    var score = 0
    var position = 0
    var previous = -2
    for character in needle {
      guard let found = haystack[position...].firstIndex(of: character) else { return nil }
      score += 1
      if found == previous + 1 { score += 5 }
      if found == 0 || " .-_".contains(haystack[found - 1]) { score += 3 }
      score -= min(3, found - position)
      previous = found
      position = found + 1
    }
    return score
  }
}
