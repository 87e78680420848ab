import Foundation
import Portal
import PortalCore
import TerminalKit

/// `a` on the Access tab: grant a principal a permission, optionally until a day. The
/// grant is planned first (`planBulkChange`) and the plan's refusal reason is shown in
/// the dialog; only a clean plan is applied.
final class GrantDialog: FormDialog {
  private let reference: String
  private let datasetName: String
  var form = FormFields(rows: [
    .init(label: "Principal", control: .text(TextField(placeholder: "user:login, group:name or lab:team"))),
    .init(
      label: "Permission", control: .select(SelectField(options: Permission.allCases.map(\.rawValue), selectedIndex: 1))
    ),
    .init(label: "Expires", control: .date(DateField())),
  ])
  var message: (String, ThemeRole)?
  private(set) var busy = false

  init(reference: String, datasetName: String) {
    self.reference = reference
    self.datasetName = datasetName
  }

  /// Validates the fields here (principal form, expiry), then plans and applies.
  func submit(app: App) {
    guard let principal = PrincipalRef.parse(form.text(0)), !form.text(0).isEmpty else {
      message = ("'\(form.text(0))' is not a principal: use user:LOGIN, group:NAME or lab:TEAM", .error)
      form.focus = 0
      return
    }
    let permission = Permission.allCases[form.selected(1)]
    let expires: Date?
    do {
      expires = try form.date(2).flatMap { try GovernanceDates.expiry(from: $0, now: Date()) }
    } catch {
      message = (describe(error), .error)
      form.focus = 2
      return
    }
    let session = app.session
    let reference = reference
    let change = BulkChange([.grant(principal, permission, expires: expires)])
    busy = true
    message = ("Checking…", .muted)
    app.submit({ () throws -> BulkPlan in
      let plan = try session.planBulkChange([reference], change)
      if let reason = plan.items.flatMap(\.outcomes).first(where: { $0.kind == .refused })?.reason {
        throw PortalError.notAllowed(reason)
      }
      try session.applyBulkChange(plan)
      return plan
    }) { [weak self, weak app] result in
      guard let self, let app else { return }
      self.busy = false
      switch result {
      case .success(let plan):
        let unchanged = plan.changeCount == 0
        if app.overlay === self { app.dismissOverlay() }
        app.toast(
          unchanged
            ? "\(principal) already holds \(permission.rawValue) — nothing changed"
            : "Saved: \(change.changes[0].summary)",
          kind: unchanged ? .info : .success, seconds: 6)
        app.catalogDidChange()
      case .failure(let error):
        self.message = (describe(error), .error)
      }
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 72, height: 12, title: "Grant access to \(SafeText.line(datasetName))")
    else { return }
    var y = form.render(context, in: inner, labelWidth: 11)
    if let problem = form.date(2)?.validationMessage {
      context.terminal.put(
        text: "Expires: \(problem)", in: Rect(x: inner.x, y: y, width: inner.width, height: 1),
        style: context.style(.warning))
    }
    y += 1
    if let message { y = DialogFrame.paragraph(message.0, message.1, context, in: inner, from: y) }
    context.terminal.put(
      text: "Tab next field · ←/→ permission · Enter grant · Esc cancel · empty expiry = no end",
      in: Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1), style: context.style(.muted))
  }
}
