import Foundation
import Portal
import PortalCore
import TerminalKit

/// Every job the user may see (`J`, or "Jobs" in the palette): the queue and its
/// history, refreshed whenever the catalog changes (the worker's heartbeats move it).
public final class JobsScreen: Screen {
  public let kind = ScreenKind.jobs
  public let title = "Jobs"
  public let capturesText = false
  var panel = JobsPanel()

  /// Opens the screen.
  public init() {}

  public var position: String {
    let rows = panel.rows
    guard let selected = panel.selected, let index = rows.firstIndex(where: { $0.job.id == selected.job.id }) else {
      return ""
    }
    return "\(index + 1)/\(rows.count)"
  }

  public var hints: [(ActionID, String)] {
    [(.jobDetails, "Details"), (.cancelJob, "Cancel"), (.retryJob, "Retry")]
  }

  public func activate(app: App) { load(app: app) }

  public func catalogDidChange(app: App) { load(app: app) }

  private func load(app: App) {
    let session = app.session
    app.submit(key: "jobs.all", { try session.jobs(limit: 500) }) { [weak self] result in
      self?.panel.deliver(result)
    }
  }

  public func render(_ context: RenderContext, in rect: Rect) {
    panel.render(context, in: rect.inset(top: 1), showDataset: true)
  }

  public func perform(_ action: ActionID, app: App) -> Bool {
    switch action {
    case .down, .up, .top, .bottom, .pageDown, .pageUp, .halfPageDown, .halfPageUp: panel.move(action)
    case .jobDetails: panel.showDetails(app: app)
    case .cancelJob, .retryJob: panel.perform(action, app: app)
    default: return false
    }
    return true
  }

  public func handle(_ event: InputEvent, app: App) -> Bool { false }

  public func back(app: App) -> Bool { false }
}
