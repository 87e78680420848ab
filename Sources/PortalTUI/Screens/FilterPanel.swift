import PortalCore
import TerminalKit

/// The filter form beside the Datasets table: visibility, modality, sensitivity, tag,
/// owner. Changes apply as they are made; Enter or Esc closes it.
struct FilterPanel {
  private(set) var query: DatasetQuery
  private var focus = 0
  private var visibility: SelectField
  private var modality: SelectField
  private var sensitivity: SelectField
  private var tag: TextField
  private var owner: TextField

  init(query: DatasetQuery) {
    self.query = query
    visibility = Self.select(Visibility.allCases.map(\.rawValue), query.visibility?.rawValue)
    modality = Self.select(Modality.allCases.map(\.rawValue), query.modality?.rawValue)
    sensitivity = Self.select(Sensitivity.allCases.map(\.rawValue), query.sensitivity?.rawValue)
    tag = TextField(text: query.tag ?? "", placeholder: "any")
    owner = TextField(text: query.owner ?? "", placeholder: "any login")
  }

  private static func select(_ options: [String], _ current: String?) -> SelectField {
    let all = ["any"] + options
    return SelectField(options: all, selectedIndex: current.flatMap { all.firstIndex(of: $0) } ?? 0)
  }

  /// Handles a key; false closes the panel.
  mutating func handle(_ event: InputEvent) -> Bool {
    switch event {
    case .key(.enter), .key(.escape): return false
    case .key(.tab), .key(.down):
      focus = (focus + 1) % 5
      return true
    case .key(.backTab), .key(.up):
      focus = (focus + 4) % 5
      return true
    default: break
    }
    switch focus {
    case 0: _ = visibility.handle(event)
    case 1: _ = modality.handle(event)
    case 2: _ = sensitivity.handle(event)
    case 3: _ = tag.handle(event)
    default: _ = owner.handle(event)
    }
    apply()
    return true
  }

  private mutating func apply() {
    query.visibility = visibility.selectedOption.flatMap(Visibility.init(rawValue:))
    query.modality = modality.selectedOption.flatMap(Modality.init(rawValue:))
    query.sensitivity = sensitivity.selectedOption.flatMap(Sensitivity.init(rawValue:))
    let tagText = tag.text.trimmingCharacters(in: .whitespaces)
    query.tag = tagText.isEmpty ? nil : tagText.lowercased()
    let ownerText = owner.text.trimmingCharacters(in: .whitespaces)
    query.owner = ownerText.isEmpty ? nil : ownerText
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let terminal = context.terminal
    terminal.fill(rect, style: context.style(.background))
    terminal.drawBox(rect, style: context.style(.border), title: "Filters", titleStyle: context.style(.accent))
    let inner = rect.inset(by: 1).inset(left: 1, right: 1)
    let labels = ["Visibility", "Modality", "Sensitivity", "Tag", "Owner"]
    for (index, label) in labels.enumerated() {
      let y = inner.y + index * 2
      guard y + 1 < inner.maxY else { break }
      let focused = index == focus
      terminal.put(
        text: label, in: Rect(x: inner.x, y: y, width: inner.width, height: 1),
        style: context.style(focused ? .accent : .muted))
      let field = Rect(x: inner.x + 1, y: y + 1, width: inner.width - 1, height: 1)
      switch index {
      case 0: visibility.render(into: terminal, in: field, focused: focused)
      case 1: modality.render(into: terminal, in: field, focused: focused)
      case 2: sensitivity.render(into: terminal, in: field, focused: focused)
      case 3:
        var copy = tag
        copy.render(into: terminal, in: field, focused: focused)
      default:
        var copy = owner
        copy.render(into: terminal, in: field, focused: focused)
      }
    }
    let help = "Tab next  \(context.glyphs.arrowLeft)\(context.glyphs.arrowRight) change  Enter done"
    if inner.height > 11 {
      terminal.put(text: help, in: inner.row(inner.height - 1), style: context.style(.muted))
    }
  }
}
