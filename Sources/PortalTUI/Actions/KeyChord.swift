import TerminalKit

/// A key as users write it in config files and as help shows it: `j`, `G`, `ctrl-d`,
/// `pgdn`, `enter`, `esc`, `space`, `f1`.
public struct KeyChord: Hashable, Sendable, CustomStringConvertible {
  /// The key.
  public var key: Key

  /// Wraps a key.
  public init(_ key: Key) { self.key = key }

  private static let named: [(String, Key)] = [
    ("up", .up), ("down", .down), ("left", .left), ("right", .right), ("pgup", .pageUp), ("pgdn", .pageDown),
    ("home", .home), ("end", .end), ("enter", .enter), ("esc", .escape), ("backspace", .backspace),
    ("delete", .delete), ("insert", .insert), ("tab", .tab), ("shift-tab", .backTab), ("space", .character(" ")),
  ]
  private static let aliases: [String: Key] = [
    "pageup": .pageUp, "pagedown": .pageDown, "return": .enter, "escape": .escape, "del": .delete,
    "btab": .backTab, "backtab": .backTab,
  ]

  /// Parses a key name; nil when it names no key.
  public init?(parsing text: String) {
    let lower = text.lowercased()
    if text.count == 1, let character = text.first {
      guard character != " " else { return nil }
      key = .character(character)
      return
    }
    if let (_, named) = Self.named.first(where: { $0.0 == lower }) {
      key = named
      return
    }
    if let alias = Self.aliases[lower] {
      key = alias
      return
    }
    for prefix in ["ctrl-", "c-", "^"] where lower.hasPrefix(prefix) {
      let rest = lower.dropFirst(prefix.count)
      guard rest.count == 1, let letter = rest.first, letter.isLetter, letter.isASCII else { return nil }
      switch letter {
      case "h": key = .backspace
      case "i": key = .tab
      case "j", "m": key = .enter
      default: key = .ctrl(letter)
      }
      return
    }
    if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
      key = .function(number)
      return
    }
    return nil
  }

  /// The name shown in help and hints (`^D` style for control keys, short names).
  public var description: String {
    switch key {
    case .character(" "): return "Space"
    case .character(let character): return String(character)
    case .ctrl(let letter): return "^" + letter.uppercased()
    case .function(let number): return "F\(number)"
    case .enter: return "Enter"
    case .escape: return "Esc"
    case .up: return "Up"
    case .down: return "Down"
    case .left: return "Left"
    case .right: return "Right"
    case .pageUp: return "PgUp"
    case .pageDown: return "PgDn"
    case .home: return "Home"
    case .end: return "End"
    case .tab: return "Tab"
    case .backTab: return "S-Tab"
    case .backspace: return "BS"
    case .delete: return "Del"
    case .insert: return "Ins"
    }
  }

  /// The name as written in config files (`ctrl-d`, `pgdn`).
  public var configName: String {
    switch key {
    case .character(" "): return "space"
    case .character(let character): return String(character)
    case .ctrl(let letter): return "ctrl-\(letter)"
    case .function(let number): return "f\(number)"
    default: return Self.named.first { $0.1 == key }?.0 ?? description
    }
  }
}
