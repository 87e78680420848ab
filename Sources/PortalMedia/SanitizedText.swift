/// Text made safe for a terminal, with where the visible escapes are.
public struct SanitizedText: Sendable, Hashable {
  /// The text to display: no C0 (except `\n`/`\t` when kept), DEL, C1, bidi or invisible
  /// formatting characters remain.
  public var text: String
  /// Ranges of `text` that show escaped controls or sequences, in order, not overlapping.
  public var escapeRanges: [Range<String.Index>]

  /// Creates a result.
  public init(text: String, escapeRanges: [Range<String.Index>]) {
    self.text = text
    self.escapeRanges = escapeRanges
  }

  /// Whether anything was escaped.
  public var hadEscapes: Bool { !escapeRanges.isEmpty }
}
