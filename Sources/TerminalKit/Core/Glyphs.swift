/// The drawing characters widgets use; `.ascii` for the Linux console, old terminals and `--ascii`.
public struct Glyphs: Hashable, Sendable {
  /// Horizontal line.
  public var horizontal: String
  /// Vertical line.
  public var vertical: String
  /// Top-left corner.
  public var topLeft: String
  /// Top-right corner.
  public var topRight: String
  /// Bottom-left corner.
  public var bottomLeft: String
  /// Bottom-right corner.
  public var bottomRight: String
  /// Full block (progress bars).
  public var fullBlock: String
  /// Light shade (the empty part of progress bars).
  public var lightShade: String
  /// Upper half block: half-block images draw the upper pixel in its foreground.
  public var upperHalfBlock: String
  /// Eight heights for sparklines and waveforms, lowest first.
  public var levels: [String]
  /// Density ramp from empty to full for images without colour, lightest first.
  public var density: [String]
  /// Ellipsis marking clipped text.
  public var ellipsis: String
  /// Arrow up (also the ascending sort indicator).
  public var arrowUp: String
  /// Arrow down (also the descending sort indicator).
  public var arrowDown: String
  /// Arrow left.
  public var arrowLeft: String
  /// Arrow right.
  public var arrowRight: String
  /// Check mark.
  public var check: String
  /// Cross mark.
  public var cross: String
  /// Marker for a multi-selected row.
  public var selectionMark: String
  /// Cursor marker in lists.
  public var pointer: String

  /// Unicode box drawing, blocks and symbols (all one cell wide).
  public static let unicode = Glyphs(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
    fullBlock: "█", lightShade: "░", upperHalfBlock: "▀",
    levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
    density: [" ", "░", "▒", "▓", "█"],
    ellipsis: "…", arrowUp: "↑", arrowDown: "↓", arrowLeft: "←", arrowRight: "→",
    check: "✓", cross: "✗", selectionMark: "●", pointer: "›")

  /// Plain 7-bit ASCII equivalents.
  public static let ascii = Glyphs(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
    fullBlock: "#", lightShade: ".", upperHalfBlock: "\"",
    levels: ["_", "_", ".", "-", "-", "=", "#", "#"],
    density: [" ", ".", ":", "*", "#"],
    ellipsis: "~", arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
    check: "x", cross: "-", selectionMark: "*", pointer: ">")

  /// Whether this is the ASCII set (widgets that need colour blocks switch strategy on it).
  public var isASCII: Bool { self == .ascii }
}
