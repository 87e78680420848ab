import TerminalKit

/// A dialog that is one form: Enter submits it, Escape closes it, other keys edit it
/// (clearing the last message); while it is busy submitting, keys are held.
protocol FormDialog: Overlay {
  var form: FormFields { get set }
  var message: (String, ThemeRole)? { get set }
  var busy: Bool { get }
  /// Checks the fields and sends them; says what is wrong in `message` otherwise.
  func submit(app: App)
}

extension FormDialog {
  var capturesText: Bool { form.focusIsText }

  func handle(_ event: InputEvent, app: App) -> Bool {
    if busy { return true }
    if event == .key(.escape) { return false }
    if event == .key(.enter) {
      submit(app: app)
      return true
    }
    if form.handle(event) { message = nil }
    return true
  }
}
