import TerminalKit

/// A yes/no question over the screen (cancel a job): runs `onConfirm` only when the
/// first button is chosen; Esc or the other button closes it without acting.
final class ConfirmOverlay: Overlay {
  private var dialog: Dialog
  private let onConfirm: () -> Void

  init(dialog: Dialog, onConfirm: @escaping () -> Void) {
    self.dialog = dialog
    self.onConfirm = onConfirm
  }

  var capturesText: Bool { false }

  func handle(_ event: InputEvent, app: App) -> Bool {
    _ = dialog.handle(event)
    guard let outcome = dialog.outcome else { return true }
    if outcome == .button(0) { onConfirm() }
    return false
  }

  func render(_ context: RenderContext, in rect: Rect) {
    dialog.styles.frame = context.style(.text)
    dialog.styles.title = context.style(.accent).adding(.bold)
    dialog.styles.body = context.style(.text)
    dialog.styles.button = context.style(.text)
    dialog.styles.selectedButton = context.theme[.selection].adding(.bold)
    dialog.render(into: context.terminal, in: rect)
  }
}
