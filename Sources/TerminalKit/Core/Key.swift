/// A key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
  /// A printable character (any script, any width).
  case character(Character)
  /// Arrow up.
  case up
  /// Arrow down.
  case down
  /// Arrow left.
  case left
  /// Arrow right.
  case right
  /// Page Up.
  case pageUp
  /// Page Down.
  case pageDown
  /// Home.
  case home
  /// End.
  case end
  /// Enter / Return.
  case enter
  /// Escape (delivered after ESCDELAY when nothing follows).
  case escape
  /// Backspace (also DEL and Ctrl-H, which terminals send for it).
  case backspace
  /// Delete (forward).
  case delete
  /// Insert.
  case insert
  /// Tab (Ctrl-I is indistinguishable).
  case tab
  /// Shift-Tab.
  case backTab
  /// Function key F1…F24.
  case function(Int)
  /// Ctrl with a letter, lowercase `a`…`z`; Ctrl-H, I, J, M arrive as backspace, tab, enter.
  case ctrl(Character)

  /// Decodes a control or printable code point the way terminals send it.
  public static func fromCodePoint(_ value: UInt32) -> Key? {
    switch value {
    case 0x09: return .tab
    case 0x0A, 0x0D: return .enter
    case 0x08, 0x7F: return .backspace
    case 0x1B: return .escape
    case 0x01...0x1A:
      return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
    case 0x00..<0x20, 0x80..<0xA0:
      return nil
    default:
      return Unicode.Scalar(value).map { .character(Character($0)) }
    }
  }
}
