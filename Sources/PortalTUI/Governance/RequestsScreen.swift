import Foundation
import Portal
import PortalCore
import TerminalKit

/// `I`: access requests. The inbox lists pending requests on every dataset the user
/// decides (approve `a`, reject `x` with a required reason); `m` switches to the
/// user's own requests, where `w` withdraws a pending one.
public final class RequestsScreen: Screen {
  /// Which requests are listed.
  public enum View: Sendable {
    case inbox, mine
  }

  public let kind = ScreenKind.requests
  private(set) var view: View
  private(set) var rows: DatasetScreen.Loadable<[RequestRow]> = .loading
  private var list = StyledList()

  /// Opens the inbox (or the user's own requests).
  public init(view: View = .inbox) { self.view = view }

  public var title: String { view == .inbox ? "Requests inbox" : "My requests" }

  public var position: String {
    let count = rows.value?.count ?? 0
    return "\(count == 0 ? 0 : list.cursor + 1)/\(count)"
  }

  public var hints: [(ActionID, String)] {
    view == .inbox
      ? [(.approveRequest, "Approve"), (.rejectRequest, "Reject"), (.toggleRequestsView, "Mine")]
      : [(.withdrawRequest, "Withdraw"), (.toggleRequestsView, "Inbox")]
  }

  public let capturesText = false

  /// The row under the cursor.
  var selected: RequestRow? {
    guard let rows = rows.value, rows.indices.contains(list.cursor) else { return nil }
    return rows[list.cursor]
  }

  public func activate(app: App) { load(app: app) }

  public func catalogDidChange(app: App) { load(app: app) }

  private func load(app: App) {
    let session = app.session
    let view = view
    app.submit(
      key: "requests.list",
      {
        view == .inbox ? try session.requestInbox() : try session.accessRequests()
      }
    ) { [weak self] result in
      self?.rows = result.map { DatasetScreen.Loadable.loaded($0) }.get(or: { .failed(describe($0)) })
    }
  }

  public func perform(_ action: ActionID, app: App) -> Bool {
    let count = rows.value?.count ?? 0
    switch action {
    case .down: list.move(to: list.cursor + 1, count: count)
    case .up: list.move(to: list.cursor - 1, count: count)
    case .top: list.move(to: 0, count: count)
    case .bottom: list.move(to: count - 1, count: count)
    case .pageDown, .halfPageDown: list.move(to: list.cursor + list.pageSize, count: count)
    case .pageUp, .halfPageUp: list.move(to: list.cursor - list.pageSize, count: count)
    case .toggleRequestsView:
      view = view == .inbox ? .mine : .inbox
      rows = .loading
      list = StyledList()
      load(app: app)
    case .approveRequest, .rejectRequest:
      guard view == .inbox else {
        app.toast("Your own requests are decided by the dataset's owner; m shows the inbox.", kind: .info)
        return true
      }
      guard let row = selected else { return true }
      app.present(action == .approveRequest ? ApproveDialog(row: row) as any Overlay : RejectDialog(row: row))
    case .withdrawRequest:
      guard view == .mine else {
        app.toast("Withdraw applies to your own requests: m shows them.", kind: .info)
        return true
      }
      guard let row = selected, let id = row.request.id else { return true }
      guard row.state == .pending else {
        app.toast("Request #\(id) is \(row.state.rawValue); only pending requests can be withdrawn.", kind: .warning)
        return true
      }
      let session = app.session
      app.present(
        ConfirmOverlay(
          title: "Withdraw request", message: "Withdraw your request #\(id) for \(row.datasetName)?",
          confirmLabel: "Withdraw"
        ) { app in
          app.governanceWrite({ try session.withdrawRequest(id) }, done: { _ in "Withdrew request #\(id)" })
        })
    default:
      return false
    }
    return true
  }

  public func handle(_ event: InputEvent, app: App) -> Bool { false }

  public func back(app: App) -> Bool { false }

  public func render(_ context: RenderContext, in rect: Rect) {
    let terminal = context.terminal
    switch rows {
    case .loading:
      terminal.put(text: "Loading requests…", in: rect.inset(left: 2).row(0), style: context.style(.muted))
      return
    case .failed(let message):
      DialogFrame.paragraph(message, .error, context, in: rect.inset(left: 2, right: 2), from: rect.y)
      return
    case .loaded(let rows):
      guard !rows.isEmpty else {
        let empty =
          view == .inbox
          ? "No pending requests on datasets you decide. m shows your own requests."
          : "You have made no access requests."
        terminal.put(text: empty, in: rect.inset(left: 2).row(0), style: context.style(.muted))
        return
      }
      let format = context.format
      let parts = Layout.rows(rect, [.fill, .fixed(2)])
      let header: [StyledList.Cell] = [
        .init("#", 4), .init("Dataset", 22), .init("For", 18), .init("Permission", 10), .init("Duration", 9),
        .init("Asked by", 10), .init("On", 10), .init("State", 0),
      ]
      let cells = rows.map { row -> [StyledList.Cell] in
        let request = row.request
        let stateRole: ThemeRole =
          switch row.state {
          case .pending: .pending
          case .approved: .success
          case .rejected: .error
          case .withdrawn, .expired: .muted
          }
        return [
          .init("\(request.id ?? 0)", 4), .init(SafeText.line(row.datasetName), 22),
          .init(SafeText.line(request.principalRef.description), 18), .init(request.permission.rawValue, 10),
          .init(request.durationDays.map { "\($0) days" } ?? "open", 9), .init(SafeText.line(row.requestedByLogin), 10),
          .init(format.date(request.createdAt), 10), .init(row.state.rawValue, 0, stateRole),
        ]
      }
      list.render(context, in: parts[0], header: header, rows: cells)
      if let row = selected {
        var detail = "Purpose: \(SafeText.line(row.request.purpose))"
        if let reason = row.request.reason, row.state == .rejected { detail += " · Reason: \(SafeText.line(reason))" }
        terminal.put(text: detail, in: parts[1].inset(left: 1, right: 1).row(1), style: context.style(.text))
      }
    }
  }
}
