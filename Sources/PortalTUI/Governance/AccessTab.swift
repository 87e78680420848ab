import Foundation
import Portal
import PortalCore
import TerminalKit

/// The dataset screen's Access tab: grants (principal, permission, expiry with an
/// "expires in N days" badge, who granted it and when, status) followed by the pending
/// requests, one cursor over both. `a` adds a grant, `d` revokes the selected one,
/// `A`/`R` approve or reject the selected request — offered only to those who manage.
final class AccessTab {
  /// What the tab shows.
  struct Content {
    var grants: [GrantRow]
    var pending: [RequestRow]
  }

  private(set) var content: DatasetScreen.Loadable<Content> = .loading
  var list = StyledList()

  /// Grants and pending requests, the rows the cursor moves over.
  var rowCount: Int { (content.value?.grants.count ?? 0) + (content.value?.pending.count ?? 0) }

  /// The grant under the cursor, if it is on a grant.
  var selectedGrant: GrantRow? {
    guard let grants = content.value?.grants, grants.indices.contains(list.cursor) else { return nil }
    return grants[list.cursor]
  }

  /// The pending request under the cursor, if it is on one.
  var selectedRequest: RequestRow? {
    guard let content = content.value else { return nil }
    let index = list.cursor - content.grants.count
    return content.pending.indices.contains(index) ? content.pending[index] : nil
  }

  /// Loads grants and requests (refused for those who may not see grants, with why).
  func load(app: App, reference: String, refresh: Bool) {
    if case .loaded = content, !refresh { return }
    let session = app.session
    app.submit(
      key: "dataset.access",
      { () throws -> Content in
        let grants = try session.grants(on: reference)
        let requests = try session.accessRequests(dataset: reference).filter { $0.state == .pending }
        return Content(grants: grants, pending: requests)
      }
    ) { [weak self] result in
      self?.content = result.map { DatasetScreen.Loadable.loaded($0) }.get(or: { .failed(describe($0)) })
    }
  }

  /// Moves the cursor by `delta` rows (or to an absolute row).
  func move(to row: Int) { list.move(to: row, count: rowCount) }

  // MARK: - Actions

  /// Runs an Access-tab action; false if it is not one.
  func perform(_ action: ActionID, screen: DatasetScreen, app: App) -> Bool {
    let reference = screen.reference
    let manages = screen.allows("manageGrants")
    switch action {
    case .addGrant:
      guard manages else { return refuse("You may not manage grants on this dataset (ask its owner).", app) }
      app.present(GrantDialog(reference: reference, datasetName: screen.summary.dataset.name))
    case .revokeGrant:
      guard manages else { return refuse("You may not manage grants on this dataset (ask its owner).", app) }
      guard let row = selectedGrant, let id = row.grant.id else {
        return refuse("Put the cursor on a grant to revoke it.", app)
      }
      guard row.status == .active else { return refuse("That grant is already \(row.status.rawValue).", app) }
      let session = app.session
      let what = "\(row.grant.principalRef) \(row.grant.permission.rawValue)"
      app.present(
        ConfirmOverlay(
          title: "Revoke grant", message: "Revoke \(what) on \(screen.summary.dataset.name)? They lose access now.",
          confirmLabel: "Revoke"
        ) { app in
          app.governanceWrite({ try session.revokeGrant(reference, id: id) }, done: { _ in "Revoked \(what)" })
        })
    case .approveHere, .rejectHere:
      guard manages else { return refuse("Deciding requests needs the manage permission on this dataset.", app) }
      guard let row = selectedRequest else { return refuse("Put the cursor on a pending request first.", app) }
      app.present(action == .approveHere ? ApproveDialog(row: row) as any Overlay : RejectDialog(row: row))
    default:
      return false
    }
    return true
  }

  private func refuse(_ message: String, _ app: App) -> Bool {
    app.toast(message, kind: .warning, seconds: 5)
    return true
  }

  // MARK: - Drawing

  func render(_ context: RenderContext, in rect: Rect, screen: DatasetScreen) {
    guard !screen.renderState(content, context, in: rect, what: "grants and requests"), let content = content.value
    else { return }
    let format = context.format
    let now = format.now()
    let header: [StyledList.Cell] = [
      .init("Principal", 15), .init("Permission", 10), .init("Expires", 12), .init("By", 9),
      .init("On", 10), .init("Status", 0),
    ]
    var rows: [[StyledList.Cell]] = content.grants.map { row in
      let grant = row.grant
      let rowRole: ThemeRole = row.status == .active ? .text : .muted
      var status = row.status.rawValue
      var statusRole: ThemeRole = row.status == .active ? .success : row.status == .expired ? .warning : .muted
      if row.status == .active, row.expiringSoon, let date = grant.expiresAt {
        // The badge replaces "active": an expiring grant is still active, and the
        // warning style is what a steward scanning the list should notice.
        status = GovernanceDates.badge(until: date, now: now)
        statusRole = .warning
      }
      return [
        .init(SafeText.line(grant.principalRef.description), 15, rowRole),
        .init(grant.permission.rawValue, 10, rowRole),
        .init(grant.expiresAt.map { format.date($0) } ?? "never", 12, row.expiringSoon ? .warning : rowRole),
        .init(SafeText.line(row.grantedByLogin), 9, rowRole), .init(format.date(grant.grantedAt), 10, rowRole),
        .init(status, 0, statusRole),
      ]
    }
    rows += content.pending.map { row in
      let request = row.request
      return [
        .init(SafeText.line(request.principalRef.description), 15), .init(request.permission.rawValue, 10),
        .init(request.durationDays.map { "\($0) days" } ?? "open-ended", 12, .pending),
        .init(SafeText.line(row.requestedByLogin), 9), .init(format.date(request.createdAt), 10),
        .init("requested", 0, .pending),
      ]
    }
    let parts = Layout.rows(rect, [.fill, .fixed(3)])
    if rows.isEmpty {
      context.terminal.put(
        text: "No grants and no pending requests: only the owner and stewards can use this dataset.",
        in: parts[0].inset(left: 2).row(0), style: context.style(.muted))
    } else {
      list.render(context, in: parts[0], header: header, rows: rows)
    }
    renderFooter(context, in: parts[1], content: content, screen: screen)
  }

  private func renderFooter(_ context: RenderContext, in rect: Rect, content: Content, screen: DatasetScreen) {
    let terminal = context.terminal
    terminal.put(
      text: String(repeating: context.glyphs.horizontal, count: max(0, rect.width)), in: rect.row(0),
      style: context.style(.border))
    let inner = rect.inset(left: 1, right: 1)
    var detail =
      "\(content.grants.filter { $0.status == .active }.count) active grant(s), \(content.pending.count) pending request(s)"
    if let request = selectedRequest {
      detail = "Purpose: \(SafeText.line(request.request.purpose))"
    } else if let grant = selectedGrant, let revoked = grant.grant.revokedAt {
      detail = "Revoked \(context.format.date(revoked)); granted by \(SafeText.line(grant.grantedByLogin))"
    }
    terminal.put(
      text: detail, in: Rect(x: inner.x, y: rect.y + 1, width: inner.width, height: 1), style: context.style(.text))
    let keys =
      screen.allows("manageGrants")
      ? "a add grant · d revoke · A approve · R reject (on a request)"
      : "You may view these grants; managing them needs the manage permission."
    terminal.put(
      text: keys, in: Rect(x: inner.x, y: rect.y + 2, width: inner.width, height: 1), style: context.style(.muted))
  }
}
