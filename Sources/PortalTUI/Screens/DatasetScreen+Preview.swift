import Foundation
import Portal
import PortalCore
import TerminalKit

// MARK: - The focused sample preview and the Jobs tab's actions

extension DatasetScreen {
  /// Hints for the current tab and focus.
  var extraHints: [(ActionID, String)] {
    switch tab {
    case .samples where preview.hasFocus:
      [(.previewPageDown, "Page"), (.previewSearch, "Find"), (.previewFocusList, "List")]
    case .samples: [(.openItem, "Preview"), (.newJob, "New job")]
    case .jobs: [(.openItem, "Details"), (.cancelJob, "Cancel"), (.retryJob, "Retry"), (.newJob, "New job")]
    default: [(.newJob, "New job")]
    }
  }

  /// Lets the pane ask for previews: built off the UI thread, newest request wins.
  func connectPreview(app: App) {
    let session = app.session
    preview.onRequest = { [weak self, weak app] request in
      guard let app else { return }
      let options = request.options
      app.submit(
        key: "dataset.preview",
        { try session.preview(request.dataset, sample: .ordinal(request.ordinal), options: options) }
      ) { [weak self] result in
        self?.preview.deliver(request, result)
      }
    }
  }

  /// Loads this dataset's jobs for the Jobs tab.
  func loadJobs(app: App) {
    let session = app.session
    let reference = reference
    app.submit(key: "dataset.jobs", { try session.jobs(dataset: reference, limit: 200) }) { [weak self] result in
      self?.jobsPanel.deliver(result)
    }
  }

  /// Preview, job and form actions; nil when `action` is none of them.
  func performPreviewOrJobAction(_ action: ActionID, app: App) -> Bool? {
    var message: String?
    switch action {
    case .openItem:
      switch tab {
      case .samples where samples.value?.isEmpty == false: preview.hasFocus = true
      case .jobs: jobsPanel.showDetails(app: app)
      default: return false
      }
    case .previewFocusList: preview.hasFocus = false
    case .previewDown: preview.scroll(by: 1)
    case .previewUp: preview.scroll(by: -1)
    case .previewPageDown: preview.pageScroll(forward: true)
    case .previewPageUp: preview.pageScroll(forward: false)
    case .previewTop: preview.jump(toEnd: false)
    case .previewBottom: preview.jump(toEnd: true)
    case .scrollLeft: preview.scrollColumns(by: -4)
    case .scrollRight: preview.scrollColumns(by: 4)
    case .previewNextPage: message = preview.turnPage(by: 1)
    case .previewPreviousPage: message = preview.turnPage(by: -1)
    case .previewNextMatch: message = preview.nextMatch(forward: true)
    case .previewPreviousMatch: message = preview.nextMatch(forward: false)
    case .previewSearch:
      guard case .text = preview.preview?.content else {
        message = "Search works in text samples."
        break
      }
      app.present(
        PreviewSearchPrompt { [weak self] query in
          guard let self else { return }
          if let problem = self.preview.startSearch(query) { app.toast(problem, kind: .info) }
        })
    case .cancelJob, .retryJob:
      guard tab == .jobs else { return false }
      jobsPanel.perform(action, app: app)
    case .newJob:
      app.present(NewJobDialog(summary: summary))
    default:
      return nil
    }
    if let message { app.toast(message, kind: .info, seconds: 3) }
    return true
  }
}
