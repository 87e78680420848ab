import Portal
import TerminalKit

/// A yes/no question over the screens (cancel a job, revoke a grant, approve a request):
/// runs `onConfirm` only when the first button is chosen, after closing itself (so
/// `onConfirm` may present another overlay); Esc or the other button closes it without
/// acting.
final class ConfirmOverlay: Overlay {
  private var dialog: Dialog
  private let onConfirm: (App) -> Void

  init(dialog: Dialog, onConfirm: @escaping (App) -> Void) {
    self.dialog = dialog
    self.onConfirm = onConfirm
  }

  /// The usual question: `message` (sanitised) with a confirm and a cancel button.
  convenience init(title: String, message: String, confirmLabel: String, onConfirm: @escaping (App) -> Void) {
    var dialog = Dialog.confirm(title: title, message: SafeText.line(message), confirmLabel: confirmLabel)
    dialog.preferredWidth = 60
    self.init(dialog: dialog, onConfirm: onConfirm)
  }

  var capturesText: Bool { false }

  func handle(_ event: InputEvent, app: App) -> Bool {
    _ = dialog.handle(event)
    guard let outcome = dialog.outcome else { return true }
    if outcome == .button(0) {
      app.dismissOverlay()
      onConfirm(app)
    }
    return false
  }

  func render(_ context: RenderContext, in rect: Rect) {
    dialog.styles.frame = context.style(.border)
    dialog.styles.title = context.style(.accent).adding(.bold)
    dialog.styles.body = context.style(.text)
    dialog.styles.button = context.style(.text)
    dialog.styles.selectedButton = context.theme[.selection].adding(.bold)
    dialog.render(into: context.terminal, in: rect)
  }
}
