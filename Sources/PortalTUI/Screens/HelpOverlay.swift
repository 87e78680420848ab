import TerminalKit

/// `?`: every action, its keys and where it applies, generated from the registry and
/// the live key map — so help can never disagree with what the keys do.
final class HelpOverlay: Overlay {
  /// The rows help shows: section headings and one row per action.
  let lines: [(text: String, heading: Bool)]
  private var scroll = 0
  private var height = 1
  private let keyMap: KeyMap
  let capturesText = false

  init(keyMap: KeyMap, screen: ScreenKind) {
    self.keyMap = keyMap
    var lines: [(String, Bool)] = []
    // The screen help was asked from first, then what works everywhere, then every other
    // screen: an action listed under each screen it applies to, so none is ever missing.
    let others = ScreenKind.allCases.filter { $0 != screen }
    let sections: [(String, (ActionSpec) -> Bool)] =
      [(screen.title, { $0.screens.contains(screen) }), ("Everywhere", { $0.screens.isEmpty })]
      + others.map { kind in (kind.title, { $0.screens.contains(kind) }) }
    for (title, belongs) in sections {
      let actions = keyMap.registry.actions.filter(belongs)
      guard !actions.isEmpty else { continue }
      lines.append((title, true))
      for spec in actions {
        let keys = DisplayWidth.pad(keyMap.label(of: spec.id), to: 14)
        let name = DisplayWidth.pad(spec.id.rawValue, to: 28)
        lines.append(("  \(keys) \(name) \(spec.summary)", false))
      }
      lines.append(("", false))
    }
    lines.append(
      (
        "Rebind keys in ~/.config/partner-portal/config.toml under [keys], e.g. \"cursor.down\" = [\"j\", \"n\"].",
        false
      ))
    self.lines = lines
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    guard case .key(let key) = event else { return true }
    let action = keyMap.action(for: key, on: .help)
    switch action {
    case .back?, .help?: return false
    case .quit?:
      app.quit()
      return false
    case .down?: scroll += 1
    case .up?: scroll -= 1
    case .pageDown?, .halfPageDown?: scroll += height - 1
    case .pageUp?, .halfPageUp?: scroll -= height - 1
    case .top?: scroll = 0
    case .bottom?: scroll = lines.count
    default: break
    }
    scroll = max(0, min(scroll, max(0, lines.count - height)))
    return true
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let box = rect.inset(top: 0, left: 2, bottom: 0, right: 2)
    let terminal = context.terminal
    terminal.fill(box, style: context.style(.background))
    terminal.drawBox(
      box, style: context.style(.border), title: "Help — q or Esc closes", titleStyle: context.style(.accent))
    let inner = box.inset(by: 1).inset(left: 1, right: 1)
    height = max(1, inner.height)
    scroll = max(0, min(scroll, max(0, lines.count - height)))
    for row in 0..<inner.height {
      let index = scroll + row
      guard index < lines.count else { break }
      let line = lines[index]
      terminal.put(text: line.text, in: inner.row(row), style: context.style(line.heading ? .accent : .text))
    }
  }
}
