import Foundation
import Portal
import PortalCore
import TerminalKit

/// One dataset: tabs Overview, Samples, Access, Jobs, Versions and Audit. Each tab
/// loads when first shown and again when the catalog changes.
public final class DatasetScreen: Screen {
  /// The tabs, in order.
  public enum Tab: Int, CaseIterable, Sendable {
    case overview, samples, access, jobs, versions, audit

    var title: String { ["Overview", "Samples", "Access", "Jobs", "Versions", "Audit"][rawValue] }
  }

  /// A value that is loading, loaded, or refused/failed with a sentence.
  enum Loadable<Value> {
    case loading
    case loaded(Value)
    case failed(String)

    var value: Value? {
      if case .loaded(let value) = self { return value }
      return nil
    }
  }

  /// `.preview` while the sample preview has focus (its own key scope), else `.dataset`.
  public var kind: ScreenKind { tab == .samples && preview.hasFocus ? .preview : .dataset }
  /// The dataset as it appeared in the list (shown until the detail arrives).
  private(set) var summary: DatasetSummary
  var detail: Loadable<DatasetDetail> = .loading
  var samples: Loadable<[SampleRow]> = .loading
  let accessTab = AccessTab()
  var audit: Loadable<[AuditEvent]> = .loading
  var tabs = TabBar(titles: Tab.allCases.map(\.title))
  var lists: [Tab: TableView] = [:]
  var preview = SamplePreviewPane()
  /// The dataset's jobs (Jobs tab).
  var jobsPanel = JobsPanel()
  var lastListRect = Rect(x: 0, y: 0, width: 0, height: 0)
  /// How many samples to fetch per page (more are fetched as the cursor nears the end).
  static let samplePage = 200
  private var samplesExhausted = false
  private var loadingMoreSamples = false

  /// Opens the screen for a dataset from the list.
  public init(summary: DatasetSummary, tab: Tab = .overview) {
    self.summary = summary
    tabs.select(tab.rawValue)
  }

  var reference: String { summary.dataset.slug }
  var tab: Tab { Tab(rawValue: tabs.selectedIndex) ?? .overview }

  /// The breadcrumb in the title bar.
  public var title: String { SafeText.line(summary.dataset.name) }

  /// Where the cursor is, for the title bar.
  public var position: String {
    if tab == .access {
      return "\(tab.title) \(accessTab.rowCount == 0 ? 0 : accessTab.list.cursor + 1)/\(accessTab.rowCount)"
    }
    guard let list = lists[tab] else { return tab.title }
    let count: Int
    switch tab {
    case .samples: count = summary.sampleCount
    case .versions: count = detail.value?.versions.count ?? 0
    case .audit: count = audit.value?.count ?? 0
    default: return tab.title
    }
    return "\(tab.title) \(count == 0 ? 0 : list.cursor + 1)/\(count)"
  }

  /// Status-bar hints for this screen.
  public var hints: [(ActionID, String)] {
    if kind == .preview { return extraHints }
    var hints: [(ActionID, String)] = [(.nextTab, "Next tab")]
    hints += extraHints
    return hints + governanceHints
  }

  /// Whether a text field has focus.
  public let capturesText = false

  // MARK: - Loading

  /// Starts loading what the screen shows.
  public func activate(app: App) {
    connectPreview(app: app)
    loadDetail(app: app)
    loadTab(app: app)
  }

  /// Re-queries what is visible, keeping the selection.
  public func catalogDidChange(app: App) {
    loadDetail(app: app)
    samplesExhausted = false
    loadTab(app: app, refresh: true)
  }

  private func loadDetail(app: App) {
    let session = app.session
    let reference = reference
    app.submit(key: "dataset.detail", { try session.showDataset(reference) }) { [weak self] result in
      guard let self else { return }
      switch result {
      case .success(let detail):
        self.detail = .loaded(detail)
        self.summary = detail.summary
      case .failure(let error): self.detail = .failed("\(error)")
      }
    }
  }

  /// Loads what the current tab shows (Overview, Jobs and Versions use the detail).
  func loadTab(app: App, refresh: Bool = false) {
    let session = app.session
    let reference = reference
    switch tab {
    case .samples:
      if case .loaded = samples, !refresh { return }
      let count = max(Self.samplePage, (samples.value?.count ?? 0))
      app.submit(key: "dataset.samples", { try session.samples(of: reference, from: 0, limit: count) }) {
        [weak self] result in
        guard let self else { return }
        switch result {
        case .success(let rows):
          self.samples = .loaded(rows)
          self.samplesExhausted = rows.count < count
        case .failure(let error): self.samples = .failed("\(error)")
        }
      }
    case .access:
      accessTab.load(app: app, reference: reference, refresh: refresh)
    case .audit:
      if case .loaded = audit, !refresh { return }
      app.submit(key: "dataset.audit", { try session.auditEvents(dataset: reference, limit: 500) }) {
        [weak self] result in
        self?.audit = result.map { Loadable.loaded(Array($0.reversed())) }.get(or: { .failed("\($0)") })
      }
    case .jobs:
      loadJobs(app: app)
    case .overview, .versions:
      break
    }
  }

  /// Fetches the next page of samples when the cursor nears the end of those loaded.
  private func loadMoreSamplesIfNeeded(app: App) {
    guard tab == .samples, !samplesExhausted, !loadingMoreSamples, let rows = samples.value,
      let cursor = lists[.samples]?.cursor, cursor >= rows.count - 20
    else { return }
    loadingMoreSamples = true
    let session = app.session
    let reference = reference
    let from = (rows.last?.sample.ordinal ?? -1) + 1
    app.submit(
      key: "dataset.samples.more", { try session.samples(of: reference, from: from, limit: Self.samplePage) }
    ) { [weak self] result in
      guard let self else { return }
      self.loadingMoreSamples = false
      if case .success(let more) = result, case .loaded(let current) = self.samples {
        self.samples = .loaded(current + more)
        self.samplesExhausted = more.count < Self.samplePage
      }
    }
  }

  // MARK: - Actions

  /// Runs an action of this screen.
  public func perform(_ action: ActionID, app: App) -> Bool {
    if performGovernance(action, app: app) { return true }
    switch action {
    case .nextTab: select(tabs.selectedIndex + 1 == Tab.allCases.count ? 0 : tabs.selectedIndex + 1, app: app)
    case .previousTab: select(tabs.selectedIndex == 0 ? Tab.allCases.count - 1 : tabs.selectedIndex - 1, app: app)
    case .down where tab == .jobs, .up where tab == .jobs, .top where tab == .jobs, .bottom where tab == .jobs,
      .pageDown where tab == .jobs, .pageUp where tab == .jobs:
      jobsPanel.move(action)
    case .down, .up, .top, .bottom, .halfPageDown, .halfPageUp, .pageDown, .pageUp:
      guard var list = lists[tab] else { return true }
      let half = max(1, list.pageSize / 2)
      let target: Int
      switch action {
      case .down: target = list.cursor + 1
      case .up: target = list.cursor - 1
      case .top: target = 0
      case .bottom: target = Int.max / 2
      case .halfPageDown: target = list.cursor + half
      case .halfPageUp: target = list.cursor - half
      case .pageDown: target = list.cursor + list.pageSize
      default: target = list.cursor - list.pageSize
      }
      list.moveCursor(to: max(0, min(target, listCount - 1)))
      lists[tab] = list
      preview.resetScroll()
      loadMoreSamplesIfNeeded(app: app)
    default:
      if let handled = performPreviewOrJobAction(action, app: app) { return handled }
      guard let index = ActionRegistry.datasetTabs.firstIndex(where: { action == .tab($0) }) else { return false }
      select(index, app: app)
    }
    return true
  }

  private func select(_ index: Int, app: App) {
    tabs.select(index)
    loadTab(app: app)
  }

  /// Rows in the current tab's list.
  var listCount: Int {
    switch tab {
    case .samples: samples.value?.count ?? 0
    case .access: accessTab.rowCount
    case .versions: detail.value?.versions.count ?? 0
    case .audit: audit.value?.count ?? 0
    default: 0
    }
  }

  public func back(app: App) -> Bool {
    guard preview.hasFocus else { return false }
    preview.hasFocus = false
    return true
  }

  /// Lines one wheel notch scrolls the preview.
  static let wheelLines = 3

  /// Handles events the key map left (fields, mouse).
  public func handle(_ event: InputEvent, app: App) -> Bool {
    if tabs.handle(event) {
      loadTab(app: app)
      return true
    }
    // The wheel over the preview scrolls the sample, not the list beside it.
    if case .mouse(let mouse) = event, tab == .samples, preview.lastRect.contains(mouse.position),
      mouse.action == .wheelUp || mouse.action == .wheelDown
    {
      preview.scroll(by: mouse.action == .wheelDown ? Self.wheelLines : -Self.wheelLines)
      return true
    }
    if case .mouse = event, var list = lists[tab] {
      let used = list.handle(event, in: lastListRect)
      lists[tab] = list
      return used
    }
    return false
  }
}

extension Result {
  /// The success value, or what `failure` makes of the error.
  func get(or failure: (Failure) -> Success) -> Success {
    switch self {
    case .success(let value): value
    case .failure(let error): failure(error)
    }
  }
}
