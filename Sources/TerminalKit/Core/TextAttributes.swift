/// Character attributes a terminal can combine with colours.
public struct TextAttributes: OptionSet, Hashable, Sendable {
  /// The bit pattern of the set.
  public let rawValue: UInt8

  /// Creates a set from its bit pattern.
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Bold (often also bright).
  public static let bold = TextAttributes(rawValue: 1 << 0)
  /// Dim / faint.
  public static let dim = TextAttributes(rawValue: 1 << 1)
  /// Underline.
  public static let underline = TextAttributes(rawValue: 1 << 2)
  /// Swapped foreground and background; the one highlight that works on every terminal.
  public static let reverse = TextAttributes(rawValue: 1 << 3)
  /// Italic (not shown by every terminal).
  public static let italic = TextAttributes(rawValue: 1 << 4)

  /// Attribute names in a fixed order, for snapshots and debugging.
  public var names: [String] {
    let all: [(TextAttributes, String)] = [
      (.bold, "bold"), (.dim, "dim"), (.underline, "underline"), (.reverse, "reverse"), (.italic, "italic"),
    ]
    return all.filter { contains($0.0) }.map(\.1)
  }
}
