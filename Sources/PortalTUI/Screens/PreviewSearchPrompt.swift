import Portal
import TerminalKit

/// `/` in the focused preview: a one-line prompt at the bottom of the screen; Enter
/// searches the sample (from the page shown), Esc cancels.
final class PreviewSearchPrompt: Overlay {
  private var field = TextField(placeholder: "text to find in this sample", maxLength: 200)
  private let onSearch: (String) -> Void

  init(onSearch: @escaping (String) -> Void) { self.onSearch = onSearch }

  var capturesText: Bool { true }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch event {
    case .key(.escape): return false
    case .key(.enter):
      onSearch(field.text)
      return false
    default:
      _ = field.handle(event)
      return true
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    guard rect.height > 0 else { return }
    let row = rect.row(rect.height - 1)
    context.terminal.fill(row, style: context.style(.header))
    context.terminal.put(text: "Find: ", in: row, style: context.style(.header).adding(.bold))
    field.styles.focused = context.style(.text).adding(.underline)
    field.render(into: context.terminal, in: row.inset(left: 6), focused: true)
  }
}
