import TerminalKit

/// The fields of a governance dialog with a focus: Tab/↓ move to the next field,
/// Shift-Tab/↑ to the previous; other keys go to the focused field. Enter and Esc are
/// left to the dialog (submit, cancel).
struct FormFields {
  /// One editable control.
  enum Control {
    case text(TextField)
    case select(SelectField)
    case check(Checkbox)
    case date(DateField)
  }

  /// A labelled control.
  struct Row {
    var label: String
    var control: Control
  }

  var rows: [Row]
  var focus = 0

  /// Handles navigation and editing; false for Enter, Esc and unhandled keys.
  mutating func handle(_ event: InputEvent) -> Bool {
    switch event {
    case .key(.enter), .key(.escape): return false
    case .key(.tab), .key(.down):
      focus = (focus + 1) % max(1, rows.count)
      return true
    case .key(.backTab), .key(.up):
      focus = (focus - 1 + rows.count) % max(1, rows.count)
      return true
    default: break
    }
    guard rows.indices.contains(focus) else { return false }
    switch rows[focus].control {
    case .text(var field):
      let used = field.handle(event)
      rows[focus].control = .text(field)
      return used
    case .select(var field):
      let used = event == .key(.enter) ? false : field.handle(event)
      rows[focus].control = .select(field)
      return used
    case .check(var box):
      let used = box.handle(event)
      rows[focus].control = .check(box)
      return used
    case .date(var field):
      let used = field.handle(event)
      rows[focus].control = .date(field)
      return used
    }
  }

  // MARK: - Values

  func text(_ index: Int) -> String {
    switch rows[index].control {
    case .text(let field): field.text
    case .date(let field): field.field.text
    default: ""
    }
  }

  mutating func setText(_ index: Int, _ text: String) {
    if case .text(let field) = rows[index].control {
      var fresh = TextField(text: text, placeholder: field.placeholder, maxLength: field.maxLength)
      fresh.allowedCharacters = field.allowedCharacters
      rows[index].control = .text(fresh)
    }
  }

  func selected(_ index: Int) -> Int {
    if case .select(let field) = rows[index].control { return field.selectedIndex }
    return 0
  }

  func isChecked(_ index: Int) -> Bool {
    if case .check(let box) = rows[index].control { return box.isChecked }
    return false
  }

  func date(_ index: Int) -> DateField? {
    if case .date(let field) = rows[index].control { return field }
    return nil
  }

  // MARK: - Drawing

  /// Draws one row per field from `rect.y`; returns the next free row.
  @discardableResult
  mutating func render(_ context: RenderContext, in rect: Rect, labelWidth: Int, active: Bool = true) -> Int {
    var y = rect.y
    for index in rows.indices where y < rect.maxY {
      let focused = active && index == focus
      context.terminal.put(
        text: rows[index].label, in: Rect(x: rect.x, y: y, width: labelWidth, height: 1),
        style: context.style(focused ? .accent : .muted))
      let area = Rect(x: rect.x + labelWidth + 1, y: y, width: max(1, rect.width - labelWidth - 1), height: 1)
      let plain = context.style(.text)
      switch rows[index].control {
      case .text(var field):
        field.styles.field = plain.adding(.underline)
        field.styles.focused = plain.adding([.underline, .bold])
        field.styles.placeholder = context.style(.muted).adding(.underline)
        field.render(into: context.terminal, in: area, focused: focused)
        rows[index].control = .text(field)
      case .select(var field):
        field.style = plain.adding(.underline)
        field.focusedStyle = plain.adding([.underline, .bold])
        field.render(into: context.terminal, in: area, focused: focused)
        rows[index].control = .select(field)
      case .check(var box):
        box.style = plain
        box.focusedStyle = context.theme[.selection]
        box.render(into: context.terminal, in: area, focused: focused)
        rows[index].control = .check(box)
      case .date(var field):
        field.field.styles.field = plain.adding(.underline)
        field.field.styles.focused = plain.adding([.underline, .bold])
        field.field.styles.placeholder = context.style(.muted).adding(.underline)
        field.invalidStyle = context.style(.error).adding(.underline)
        field.render(into: context.terminal, in: area, focused: focused)
        rows[index].control = .date(field)
      }
      y += 1
    }
    return y
  }

  /// Whether the focused field is a text field (the app shows the cursor).
  var focusIsText: Bool {
    guard rows.indices.contains(focus) else { return false }
    switch rows[focus].control {
    case .text, .date: return true
    default: return false
    }
  }
}

/// A dialog's frame: a box centred in the body, filled with the background.
enum DialogFrame {
  /// Draws the frame and returns the inner area (one cell of padding each side).
  static func draw(_ context: RenderContext, in rect: Rect, width: Int, height: Int, title: String) -> Rect? {
    let boxWidth = min(rect.width - 2, width)
    let boxHeight = min(rect.height, height)
    guard boxWidth > 20, boxHeight > 4 else { return nil }
    let box = Rect(
      x: rect.x + (rect.width - boxWidth) / 2, y: rect.y + max(0, (rect.height - boxHeight) / 2), width: boxWidth,
      height: boxHeight)
    context.terminal.fill(box, style: context.style(.background))
    context.terminal.drawBox(box, style: context.style(.border), title: title, titleStyle: context.style(.accent))
    return box.inset(by: 1).inset(left: 1, right: 1)
  }

  /// Wrapped lines in a role from `y`; returns the next free row.
  @discardableResult
  static func paragraph(_ text: String, _ role: ThemeRole, _ context: RenderContext, in rect: Rect, from y: Int) -> Int
  {
    var row = y
    for line in DisplayWidth.wrap(text, width: max(1, rect.width)) where row < rect.maxY {
      context.terminal.put(
        text: line, in: Rect(x: rect.x, y: row, width: rect.width, height: 1), style: context.style(role))
      row += 1
    }
    return row
  }
}

/// A row of buttons, some disabled (drawn muted, skipped by ←/→).
struct ButtonBar {
  var labels: [String]
  var enabled: [Bool]
  var selected = 0

  init(_ labels: [String], enabled: [Bool]? = nil) {
    self.labels = labels
    self.enabled = enabled ?? labels.map { _ in true }
    selected = self.enabled.firstIndex(of: true) ?? 0
  }

  /// ←/→ move between enabled buttons; true if used.
  mutating func handle(_ event: InputEvent) -> Bool {
    let step: Int
    switch event {
    case .key(.left): step = -1
    case .key(.right): step = 1
    default: return false
    }
    var index = selected
    for _ in labels.indices {
      index = (index + step + labels.count) % labels.count
      if enabled[index] {
        selected = index
        break
      }
    }
    return true
  }

  mutating func setEnabled(_ flags: [Bool]) {
    enabled = flags
    if !enabled.indices.contains(selected) || !enabled[selected] { selected = enabled.firstIndex(of: true) ?? 0 }
  }

  /// Draws `[ label ]` buttons from the left of `rect`'s first row.
  func render(_ context: RenderContext, in rect: Rect, focused: Bool = true) {
    var x = rect.x
    for (index, label) in labels.enumerated() {
      let text = "[ \(label) ]"
      let width = DisplayWidth.of(text)
      guard x + width <= rect.maxX else { break }
      let style: Style =
        !enabled[index]
        ? context.style(.muted).adding(.dim)
        : (focused && index == selected) ? context.theme[.selection].adding(.bold) : context.style(.text)
      context.terminal.put(text: text, at: Point(x: x, y: rect.y), style: style)
      x += width + 2
    }
  }
}
