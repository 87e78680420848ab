/// One screen cell: a grapheme cluster and its style.
///
/// A wide grapheme (CJK, emoji) occupies two cells: the first holds the grapheme, the
/// second is a continuation (empty `grapheme`) that a renderer skips.
public struct Cell: Hashable, Sendable {
  /// The grapheme drawn in the cell; empty for the right half of a wide grapheme.
  public var grapheme: String
  /// How the cell looks.
  public var style: Style

  /// Creates a cell.
  public init(_ grapheme: String, style: Style = .plain) {
    self.grapheme = grapheme
    self.style = style
  }

  /// A space in the default style: what a cleared screen holds.
  public static let blank = Cell(" ")

  /// Whether this is the right half of a wide grapheme.
  public var isContinuation: Bool { grapheme.isEmpty }

  /// The continuation half of a wide grapheme drawn in `style`.
  public static func continuation(style: Style) -> Cell { Cell("", style: style) }
}
