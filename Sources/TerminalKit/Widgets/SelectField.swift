/// A choice among a few options, cycled with ←/→ (or Space/Enter): `← option →`.
public struct SelectField: Sendable {
  /// The options, in order.
  public var options: [String]
  /// Index of the chosen option.
  public private(set) var selectedIndex: Int
  /// Style of the field.
  public var style = Style(attributes: .underline)
  /// Style of the field while focused.
  public var focusedStyle = Style(attributes: [.underline, .bold])

  /// Creates a field; `selectedIndex` is clamped to the options.
  public init(options: [String], selectedIndex: Int = 0) {
    self.options = options
    self.selectedIndex = max(0, min(selectedIndex, options.count - 1))
  }

  /// The chosen option, if there are any.
  public var selectedOption: String? { options.indices.contains(selectedIndex) ? options[selectedIndex] : nil }

  /// Chooses `index` (clamped).
  public mutating func select(_ index: Int) { selectedIndex = max(0, min(index, options.count - 1)) }

  /// ←/→ step through the options (wrapping); Space and Enter step forward.
  public mutating func handle(_ event: InputEvent) -> Bool {
    guard !options.isEmpty, case .key(let key) = event else { return false }
    switch key {
    case .left: selectedIndex = (selectedIndex - 1 + options.count) % options.count
    case .right, .character(" "), .enter: selectedIndex = (selectedIndex + 1) % options.count
    default: return false
    }
    return true
  }

  /// Draws `← option →` across the rect's first row.
  public func render(into terminal: any Terminal, in rect: Rect, focused: Bool) {
    guard !rect.isEmpty else { return }
    let glyphs = terminal.glyphs
    let inner = DisplayWidth.fit(selectedOption ?? "", to: max(0, rect.width - 4), ellipsis: glyphs.ellipsis)
    terminal.put(
      text: glyphs.arrowLeft + " " + inner + " " + glyphs.arrowRight, in: rect.row(0),
      style: focused ? focusedStyle : style)
  }
}
