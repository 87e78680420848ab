import Foundation
import Portal
import PortalCore
import TerminalKit

/// Approve a pending request: the expiry starts at the requested duration and can be
/// shortened (or emptied for an open-ended grant when the rules allow it).
final class ApproveDialog: Overlay {
  private let row: RequestRow
  private var expiry: DateField
  private var message: String?
  private var busy = false

  init(row: RequestRow, now: Date = Date()) {
    self.row = row
    let requested = row.request.durationDays.flatMap {
      GovernanceDates.day(of: now.addingTimeInterval(Double($0) * 86_400))
    }
    expiry = DateField(date: requested)
  }

  var capturesText: Bool { true }

  func handle(_ event: InputEvent, app: App) -> Bool {
    if busy { return true }
    switch event {
    case .key(.escape): return false
    case .key(.enter): submit(app: app)
    default:
      if expiry.handle(event) { message = nil }
    }
    return true
  }

  private func submit(app: App) {
    let expires: Date?
    do {
      expires = try GovernanceDates.expiry(from: expiry, now: Date())
    } catch {
      message = describe(error)
      return
    }
    guard let id = row.request.id else { return }
    let session = app.session
    busy = true
    app.submit({ try session.approveRequest(id, expires: expires).1 }) { [weak self, weak app] result in
      guard let self, let app else { return }
      self.busy = false
      switch result {
      case .success(let grant):
        if app.overlay === self { app.dismissOverlay() }
        let until = grant.expiresAt.map { " until \(GovernanceFormat.day($0))" } ?? ""
        app.toast(
          "Approved: \(grant.principalRef) may \(grant.permission.rawValue)\(until)", kind: .success, seconds: 6)
        app.catalogDidChange()
      case .failure(let error): self.message = describe(error)
      }
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let request = row.request
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 70, height: 12, title: "Approve request #\(request.id ?? 0)")
    else { return }
    let wants = request.durationDays.map { "for \($0) days" } ?? "open-ended"
    var y = DialogFrame.paragraph(
      "\(SafeText.line(request.principalRef.description)) wants \(request.permission.rawValue) on \(SafeText.line(row.datasetName)) \(wants).",
      .text, context, in: inner, from: inner.y)
    y = DialogFrame.paragraph("Purpose: \(SafeText.line(request.purpose))", .muted, context, in: inner, from: y) + 1
    var form = FormFields(rows: [.init(label: "Expires", control: .date(expiry))])
    y = form.render(context, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), labelWidth: 8)
    if let field = form.date(0) { expiry = field }
    if let problem = expiry.validationMessage { message = message ?? problem }
    if let message { DialogFrame.paragraph(message, .error, context, in: inner, from: y + 1) }
    context.terminal.put(
      text: "Enter approve · Esc cancel · empty = no expiry", in: inner.row(inner.height - 1),
      style: context.style(.muted))
  }
}

/// Reject a pending request. A reason is required: the requester reads it.
final class RejectDialog: Overlay {
  private let row: RequestRow
  private var reason = TextField(placeholder: "why (the requester sees this)", maxLength: 500)
  private var message: String?
  private var busy = false

  init(row: RequestRow) { self.row = row }

  var capturesText: Bool { true }

  func handle(_ event: InputEvent, app: App) -> Bool {
    if busy { return true }
    switch event {
    case .key(.escape): return false
    case .key(.enter): submit(app: app)
    default:
      if reason.handle(event) { message = nil }
    }
    return true
  }

  private func submit(app: App) {
    let text = reason.text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty else {
      message = "A rejection needs a reason: type why, then Enter."
      return
    }
    guard let id = row.request.id else { return }
    let session = app.session
    busy = true
    app.submit({ try session.rejectRequest(id, reason: text) }) { [weak self, weak app] result in
      guard let self, let app else { return }
      self.busy = false
      switch result {
      case .success:
        if app.overlay === self { app.dismissOverlay() }
        app.toast("Rejected request #\(id)", kind: .success)
        app.catalogDidChange()
      case .failure(let error): self.message = describe(error)
      }
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let request = row.request
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 70, height: 11, title: "Reject request #\(request.id ?? 0)")
    else { return }
    var y =
      DialogFrame.paragraph(
        "\(SafeText.line(request.principalRef.description)) wants \(request.permission.rawValue) on \(SafeText.line(row.datasetName)): \(SafeText.line(request.purpose))",
        .text, context, in: inner, from: inner.y) + 1
    var form = FormFields(rows: [.init(label: "Reason", control: .text(reason))])
    y = form.render(context, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), labelWidth: 7)
    if case .text(let field) = form.rows[0].control { reason = field }
    if let message { DialogFrame.paragraph(message, .error, context, in: inner, from: y + 1) }
    context.terminal.put(
      text: "Enter reject · Esc cancel", in: inner.row(inner.height - 1), style: context.style(.muted))
  }
}

extension AccessRequest {
  /// Who the request is for.
  var principalRef: PrincipalRef { PrincipalRef(kind: principalKind, name: principal) }
}
