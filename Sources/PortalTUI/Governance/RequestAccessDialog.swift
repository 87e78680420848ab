import Foundation
import Portal
import PortalCore
import TerminalKit

/// `+`: ask for a permission on a dataset — what for and for how long. Sent through
/// `PortalSession.requestAccess`; the dataset's owner or a steward decides it from their
/// inbox (`I`), and the requester sees it there under "mine".
final class RequestAccessDialog: FormDialog {
  /// What may be requested (discover is implied by seeing the dataset; manage is not asked for).
  static let permissions: [Permission] = [.preview, .download, .train, .evaluate]

  private let dataset: Dataset
  var form: FormFields
  var message: (String, ThemeRole)?
  private(set) var busy = false

  init(dataset: Dataset) {
    self.dataset = dataset
    var days = TextField(placeholder: "days, empty = open-ended", maxLength: 4)
    days.allowedCharacters = { $0.isASCII && $0.isNumber }
    form = FormFields(rows: [
      .init(
        label: "Permission",
        control: .select(SelectField(options: Self.permissions.map(\.rawValue), selectedIndex: 0))),
      .init(label: "Purpose", control: .text(TextField(placeholder: "what the access is for (the owner reads this)"))),
      .init(label: "Duration", control: .text(days)),
    ])
  }

  /// Checks the form here (a purpose, a whole number of days), then sends the request.
  func submit(app: App) {
    let permission = Self.permissions[form.selected(0)]
    let purpose = form.text(1).trimmingCharacters(in: .whitespacesAndNewlines)
    guard !purpose.isEmpty else {
      message = ("Say what the access is for: the owner decides on it.", .error)
      form.focus = 1
      return
    }
    let daysText = form.text(2)
    let days = daysText.isEmpty ? nil : Int(daysText)
    if !daysText.isEmpty && days == nil {
      message = ("The duration is a number of days, or empty for open-ended.", .error)
      form.focus = 2
      return
    }
    let session = app.session
    let slug = dataset.slug
    let name = SafeText.line(dataset.name)
    busy = true
    message = ("Sending…", .muted)
    app.submit({ try session.requestAccess(slug, permission: permission, purpose: purpose, durationDays: days) }) {
      [weak self, weak app] result in
      guard let self, let app else { return }
      self.busy = false
      switch result {
      case .success(let request):
        if app.overlay === self { app.dismissOverlay() }
        let inbox = app.keyMap.primaryKey(of: .requestsInbox).map { " (\($0) shows your requests)" } ?? ""
        app.toast(
          "Requested \(permission.rawValue) on \(name) — request #\(request.id ?? 0) waits for the owner\(inbox)",
          kind: .success, seconds: 6)
        app.catalogDidChange()
      case .failure(let error):
        self.message = (describe(error), .error)
      }
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 72, height: 12, title: "Request access to \(SafeText.line(dataset.name))")
    else { return }
    var y = form.render(context, in: inner, labelWidth: 11)
    y += 1
    if let message { y = DialogFrame.paragraph(message.0, message.1, context, in: inner, from: y) }
    context.terminal.put(
      text: "Tab next field · ←/→ permission · Enter send · Esc cancel",
      in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), style: context.style(.muted))
  }
}
