/// A one-line text input with readline-style editing keys.
///
/// Keys: ←/→, Home/End (also Ctrl-A/Ctrl-E), Backspace, Delete, Ctrl-K (delete to end),
/// Ctrl-U (delete to start), Ctrl-W (delete the word before the cursor). Printable characters,
/// wide ones included, are inserted at the cursor; the view scrolls to keep the cursor visible.
public struct TextField: Sendable {
  /// Colours of the parts of a field.
  public struct Styles: Hashable, Sendable {
    /// The field area (underlined so its extent shows even in mono).
    public var field = Style(attributes: .underline)
    /// The field area while focused.
    public var focused = Style(attributes: [.underline, .bold])
    /// Placeholder text shown while empty.
    public var placeholder = Style(attributes: [.underline, .dim])

    /// The default styles.
    public init() {}
  }

  /// The text being edited.
  public var text: String {
    didSet { cursor = min(cursor, text.count) }
  }
  /// Cursor position, in characters (grapheme clusters) from the start.
  public private(set) var cursor: Int
  /// Shown while the field is empty.
  public var placeholder: String
  /// Longest text accepted, in characters.
  public var maxLength: Int?
  /// Which characters may be typed (all printable ones when nil).
  public var allowedCharacters: (@Sendable (Character) -> Bool)?
  /// Styles.
  public var styles = Styles()
  private var scrollColumn = 0

  /// Creates a field with the cursor at the end of `text`.
  public init(text: String = "", placeholder: String = "", maxLength: Int? = nil) {
    self.text = text
    self.cursor = text.count
    self.placeholder = placeholder
    self.maxLength = maxLength
  }

  // MARK: - Editing

  /// Applies an editing key; returns whether the field used it.
  public mutating func handle(_ event: InputEvent) -> Bool {
    guard case .key(let key) = event else { return false }
    var characters = Array(text)
    switch key {
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"): cursor = 0
    case .end, .ctrl("e"): cursor = characters.count
    case .backspace:
      guard cursor > 0 else { return true }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete:
      guard cursor < characters.count else { return true }
      characters.remove(at: cursor)
    case .ctrl("k"): characters.removeSubrange(cursor...)
    case .ctrl("u"):
      characters.removeSubrange(..<cursor)
      cursor = 0
    case .ctrl("w"):
      var start = cursor
      while start > 0 && characters[start - 1] == " " { start -= 1 }
      while start > 0 && characters[start - 1] != " " { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    case .character(let character):
      guard character.unicodeScalars.allSatisfy({ DisplayWidth.of($0) >= 0 }) else { return false }
      if let allowedCharacters, !allowedCharacters(character) { return true }
      if let maxLength, characters.count >= maxLength { return true }
      characters.insert(character, at: cursor)
      cursor += 1
    default:
      return false
    }
    text = String(characters)
    return true
  }

  // MARK: - Rendering

  /// Draws the visible part of the text; when `focused`, places the terminal cursor.
  public mutating func render(into terminal: any Terminal, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    let field = rect.row(0)
    let style = focused ? styles.focused : styles.field
    if text.isEmpty && !placeholder.isEmpty && !focused {
      terminal.put(text: placeholder, in: field, style: styles.placeholder)
      return
    }
    let cursorColumn = DisplayWidth.of(text.prefix(cursor))
    // Keep one column free after the cursor so the cursor cell itself is on screen.
    if cursorColumn < scrollColumn { scrollColumn = cursorColumn }
    if cursorColumn - scrollColumn >= field.width { scrollColumn = cursorColumn - field.width + 1 }
    let visible = DisplayWidth.slice(text, from: scrollColumn, width: field.width)
    terminal.put(text: DisplayWidth.pad(visible, to: field.width), at: Point(x: field.x, y: field.y), style: style)
    if focused {
      terminal.showCursor(at: Point(x: field.x + cursorColumn - scrollColumn, y: field.y))
    }
  }
}
