/// A labelled on/off box toggled with Space or Enter: `[✓] label`.
public struct Checkbox: Sendable {
  /// The label after the box.
  public var label: String
  /// Whether it is ticked.
  public var isChecked: Bool
  /// Style of the checkbox.
  public var style = Style.plain
  /// Style while focused.
  public var focusedStyle = Style(attributes: .reverse)

  /// Creates a checkbox.
  public init(label: String, isChecked: Bool = false) {
    self.label = label
    self.isChecked = isChecked
  }

  /// Space and Enter toggle; a click anywhere on it too (pass where it was drawn).
  public mutating func handle(_ event: InputEvent, in rect: Rect? = nil) -> Bool {
    switch event {
    case .key(.character(" ")), .key(.enter):
      isChecked.toggle()
    case .mouse(let mouse) where mouse.action == .leftClick && rect?.contains(mouse.position) == true:
      isChecked.toggle()
    default:
      return false
    }
    return true
  }

  /// Draws `[✓] label` (or `[x] label` with ASCII glyphs).
  public func render(into terminal: any Terminal, in rect: Rect, focused: Bool) {
    let mark = isChecked ? terminal.glyphs.check : " "
    terminal.put(text: "[\(mark)] \(label)", in: rect.row(0), style: focused ? focusedStyle : style)
  }
}
