import TerminalKit

/// `:`: type part of an action's name or title and press Enter to run it. Also takes
/// `theme NAME` and `sort COLUMN`. Candidates come from the same registry as help.
final class PaletteOverlay: Overlay {
  private struct Candidate {
    var label: String
    var keys: String
    var run: (App) -> Void
  }

  private var field = TextField(placeholder: "action, or theme NAME")
  private var list = ListView(items: [])
  private var candidates: [Candidate] = []
  private let all: [Candidate]
  let capturesText = true

  init(app: App) {
    let screen = app.topScreen?.kind ?? .datasets
    var all: [Candidate] = app.keyMap.registry.actions.filter { $0.applies(to: screen) && $0.id != .palette }.map {
      spec in
      Candidate(label: "\(spec.title) · \(spec.id.rawValue)", keys: app.keyMap.label(of: spec.id)) { app in
        app.perform(spec.id)
      }
    }
    for name in app.options.themes.names() {
      all.append(Candidate(label: "theme \(name)", keys: "") { $0.setTheme(name) })
    }
    self.all = all
    filter()
  }

  private func filter() {
    let text = field.text
    candidates = all.compactMap { candidate in FuzzyMatch.score(text, candidate.label).map { (candidate, $0) } }
      .sorted { $0.1 > $1.1 }.map(\.0)
    list.items = candidates.map(\.label)
    list.moveCursor(to: 0)
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch event {
    case .key(.escape): return false
    case .key(.enter):
      let chosen = candidates.indices.contains(list.cursor) ? candidates[list.cursor] : nil
      if chosen == nil, field.text.hasPrefix("theme ") {
        app.setTheme(String(field.text.dropFirst(6)).trimmingCharacters(in: .whitespaces))
      } else if let chosen {
        app.dismissOverlay()
        chosen.run(app)
        return app.overlay === self
      } else {
        app.toast("no action matches '\(field.text)'", kind: .warning)
      }
      return false
    case .key(.up), .key(.down), .key(.pageUp), .key(.pageDown), .key(.ctrl("p")), .key(.ctrl("n")):
      let mapped: InputEvent =
        event == .key(.ctrl("p")) ? .key(.up) : event == .key(.ctrl("n")) ? .key(.down) : event
      _ = list.handle(mapped, in: Rect(x: 0, y: 0, width: 0, height: 0))
      return true
    default:
      if field.handle(event) { filter() }
      return true
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let width = min(rect.width - 4, 72)
    let height = min(rect.height, 14)
    let box = Rect(x: rect.x + (rect.width - width) / 2, y: rect.y + 1, width: width, height: height)
    guard box.width > 10, box.height > 3 else { return }
    let terminal = context.terminal
    terminal.fill(box, style: context.style(.background))
    terminal.drawBox(box, style: context.style(.border), title: "Command", titleStyle: context.style(.accent))
    let inner = box.inset(by: 1).inset(left: 1, right: 1)
    terminal.put(text: ":", at: Point(x: inner.x, y: inner.y), style: context.style(.accent))
    field.styles.focused = context.style(.text).adding(.underline)
    field.render(into: terminal, in: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), focused: true)
    list.styles.item = context.style(.text)
    list.styles.cursor = context.theme[.selection]
    let listRect = inner.inset(top: 1)
    list.render(into: terminal, in: listRect)
    // Key labels on the right of each visible candidate.
    for row in 0..<listRect.height {
      let index = list.scrollOffset + row
      guard candidates.indices.contains(index), !candidates[index].keys.isEmpty else { continue }
      let keys = candidates[index].keys
      let keysWidth = min(DisplayWidth.of(keys), listRect.width / 3)
      let style = index == list.cursor ? context.theme[.selection] : context.style(.muted)
      terminal.put(
        text: keys, in: Rect(x: listRect.maxX - keysWidth, y: listRect.y + row, width: keysWidth, height: 1),
        style: style, alignment: .trailing)
    }
    if candidates.isEmpty {
      terminal.put(text: "No matching action", in: listRect.row(0), style: context.style(.muted))
    }
  }
}
