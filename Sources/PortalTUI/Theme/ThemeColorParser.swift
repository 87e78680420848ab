import TerminalKit

/// Reads colour and attribute words of theme files: `default`, ANSI names (`red`,
/// `bright-blue`), `#rrggbb`, `#rgb`, and 256-palette indices (`color208` or `208`).
enum ThemeColorParser {
  static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// The colour a word names, or nil when it names none.
  static func color(_ word: String) -> Color? {
    let lower = word.lowercased()
    if lower == "default" || lower == "none" { return .default }
    if let index = ansiNames.firstIndex(of: lower) { return .ansi(UInt8(index)) }
    for prefix in ["bright-", "bright_", "bright"] where lower.hasPrefix(prefix) {
      if let index = ansiNames.firstIndex(of: String(lower.dropFirst(prefix.count))) {
        return .ansi(UInt8(index + 8))
      }
    }
    if lower == "grey" || lower == "gray" { return .ansi(8) }
    if lower.hasPrefix("#") { return hex(String(lower.dropFirst())) }
    let digits = lower.hasPrefix("color") ? String(lower.dropFirst(5)) : lower
    if let value = Int(digits), (0...255).contains(value) { return .indexed(UInt8(value)) }
    return nil
  }

  /// The attribute a word names.
  static func attribute(_ word: String) -> TextAttributes? {
    switch word.lowercased() {
    case "bold": .bold
    case "dim", "faint": .dim
    case "underline": .underline
    case "reverse", "inverse": .reverse
    case "italic": .italic
    default: nil
    }
  }

  private static func hex(_ digits: String) -> Color? {
    let expanded = digits.count == 3 ? digits.map { "\($0)\($0)" }.joined() : digits
    guard expanded.count == 6, let value = UInt32(expanded, radix: 16) else { return nil }
    return .rgb(UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
  }
}
