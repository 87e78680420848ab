import Foundation
import Portal
import PortalCore
import TerminalKit

/// The home screen: every dataset the user may discover, virtualised (only the rows
/// around the viewport are queried), with search as you type, filters, sorting,
/// marks for bulk actions and a detail pane.
public final class DatasetsScreen: Screen {
  /// The key-map scope of this screen.
  public let kind = ScreenKind.datasets
  /// The breadcrumb in the title bar.
  public let title = "Datasets"

  var query = DatasetQuery()
  var window = DatasetWindow()
  var table = TableView(columns: [])
  var columns: [DatasetColumn] = DatasetColumn.all
  /// The dataset under the cursor, kept across refreshes by id.
  var selectedID: Int64?
  var markedIDs: Set<Int64> = []
  /// Slugs of the marked datasets (for bulk changes), by id.
  var markedSlugs: [Int64: String] = [:]
  var search: TextField?
  var filters: FilterPanel?
  var showDetail = true
  var loadError: String?
  /// While a text search is on: how far the index of sample text has got (imports
  /// index it in the background), so the bar can say results may be incomplete.
  var contentIndex: ContentIndexStatus?
  /// The window being fetched: (generation, start, limit), to avoid asking twice. The
  /// limit counts: the first window is asked for before the table knows its height (so
  /// a small one), and a later, taller one from the same start must still be fetched.
  private var requested: (generation: Int, start: Int, limit: Int)?
  /// Re-place the cursor on `selectedID` when the next window arrives.
  private var followSelection = false
  /// Select this dataset (by slug) once it shows up (after an import).
  var pendingSlug: String?
  /// Where the cursor goes once the table has seen the new row count.
  var pendingCursor: Int?

  /// Creates the screen; it starts loading when activated.
  public init() {}

  /// Whether the first page has arrived (the first frame is complete).
  public var isLoaded: Bool { window.total != nil || loadError != nil }

  /// Where the cursor is, for the title bar.
  public var position: String {
    guard let total = window.total else { return "loading…" }
    let cursor = total == 0 ? 0 : table.cursor + 1
    let marks = markedIDs.isEmpty ? "" : "  \(markedIDs.count) marked"
    return "\(cursor)/\(total)\(marks)"
  }

  /// Status-bar hints for this screen.
  public var hints: [(ActionID, String)] {
    if search != nil { return [] }
    return [(.search, "Search"), (.open, "Open"), (.filter, "Filter"), (.sortNext, "Sort"), (.importData, "Import")]
  }

  /// Whether a text field has focus.
  public var capturesText: Bool { search != nil || filters != nil }

  /// Starts loading what the screen shows.
  public func activate(app: App) { reload(app: app, count: true) }

  /// Re-queries what is visible, keeping the selection.
  public func catalogDidChange(app: App) {
    followSelection = true
    requested = nil
    reload(app: app, count: true)
  }

  // MARK: - Loading

  /// The query changed: start over at the top.
  func queryChanged(app: App) {
    window.generation += 1
    table.moveCursor(to: 0)
    followSelection = false
    requested = nil
    reload(app: app, count: true)
  }

  /// Fetches the window around the viewport (and the count) unless it is held already.
  func reload(app: App, count: Bool) {
    let page = max(10, table.pageSize)
    let start = max(0, table.scrollOffset - 2 * page)
    let limit = 5 * page
    if !count, let requested, requested.generation == window.generation, requested.start == start,
      requested.limit == limit
    {
      return
    }
    requested = (window.generation, start, limit)
    let generation = window.generation
    let query = query
    let session = app.session
    let known = window.total
    app.submit(
      key: "datasets.window",
      {
        // Counted first, so deep pages are read from the end (see `listDatasets`).
        let total = count ? try session.countDatasets(query) : nil
        let rows = try session.listDatasets(query, limit: limit, offset: start, total: total ?? known)
        let index = query.text == nil ? nil : try? session.contentIndexStatus()
        return (rows, total, index)
      },
      then: { [weak self] result in self?.windowArrived(result, generation: generation, start: start, app: app) })
  }

  private func windowArrived(
    _ result: Result<([DatasetSummary], Int?, ContentIndexStatus?), any Error>, generation: Int, start: Int, app: App
  ) {
    guard generation == window.generation else { return }
    switch result {
    case .failure(let error):
      loadError = "\(error)"
      if window.total == nil { window.total = 0 }
      requested = nil
    case .success(let (rows, total, index)):
      loadError = nil
      contentIndex = index
      window.start = start
      window.rows = rows
      if let total { window.total = total }
      // The table learns the new row count at its next render, so the move waits for it.
      if let slug = pendingSlug, let index = rows.firstIndex(where: { $0.dataset.slug == slug }) {
        pendingCursor = start + index
        pendingSlug = nil
      } else if followSelection, let id = selectedID, let index = window.index(ofDataset: id) {
        pendingCursor = index
      }
      followSelection = false
    }
  }

  /// After moving: fetch a new window when the viewport nears the edge of the one held.
  func ensureWindow(app: App) {
    guard let total = window.total else { return }
    let page = max(10, table.pageSize)
    let wanted = max(0, table.scrollOffset - page)..<min(total, table.scrollOffset + 2 * page)
    if !window.covers(wanted) { reload(app: app, count: false) }
  }

  /// The dataset under the cursor, if loaded.
  var current: DatasetSummary? { window.row(at: table.cursor) }

  // MARK: - Actions

  /// Runs an action of this screen.
  public func perform(_ action: ActionID, app: App) -> Bool {
    let half = max(1, table.pageSize / 2)
    switch action {
    case .down: table.moveCursor(to: table.cursor + 1)
    case .up: table.moveCursor(to: table.cursor - 1)
    case .top: table.moveCursor(to: 0)
    case .bottom: table.moveCursor(to: max(0, (window.total ?? 1) - 1))
    case .halfPageDown: table.moveCursor(to: table.cursor + half)
    case .halfPageUp: table.moveCursor(to: table.cursor - half)
    case .pageDown: table.moveCursor(to: table.cursor + table.pageSize)
    case .pageUp: table.moveCursor(to: table.cursor - table.pageSize)
    case .scrollLeft: _ = table.handle(.key(.left), in: lastTableRect)
    case .scrollRight: _ = table.handle(.key(.right), in: lastTableRect)
    case .open:
      guard let row = current else { return true }
      app.push(DatasetScreen(summary: row))
    case .search:
      search = TextField(text: query.text ?? "", placeholder: "search names, descriptions, tags, sample text")
    case .filter: filters = FilterPanel(query: query)
    case .clearFilters:
      query = DatasetQuery(sort: query.sort, descending: query.descending)
      queryChanged(app: app)
    case .sortNext:
      let keys = DatasetQuery.SortKey.allCases
      let index = keys.firstIndex(of: query.sort).map { ($0 + 1) % keys.count } ?? 0
      query.sort = keys[index]
      query.descending = false
      queryChanged(app: app)
    case .sortReverse:
      query.descending.toggle()
      queryChanged(app: app)
    case .toggleMark:
      if let id = current?.dataset.id {
        if markedIDs.contains(id) { markedIDs.remove(id) } else { markedIDs.insert(id) }
        markedSlugs[id] = current?.dataset.slug
      }
      table.moveCursor(to: table.cursor + 1)
    case .markAll:
      let visible = table.scrollOffset..<(table.scrollOffset + table.pageSize)
      for index in visible {
        if let row = window.row(at: index), let id = row.dataset.id {
          markedIDs.insert(id)
          markedSlugs[id] = row.dataset.slug
        }
      }
    case .clearMarks: markedIDs.removeAll()
    case .toggleDetail: showDetail.toggle()
    case .importData: app.present(ImportDialog(screen: self))
    default:
      guard let column = DatasetQuery.SortKey.allCases.first(where: { action == .sort($0.rawValue) }) else {
        return performGovernance(action, app: app)
      }
      if query.sort == column { query.descending.toggle() } else { query.sort = column }
      queryChanged(app: app)
    }
    afterMove(app: app)
    return true
  }

  /// Remembers the selection by id and fetches rows the viewport now needs.
  func afterMove(app: App) {
    if let id = current?.dataset.id { selectedID = id }
    ensureWindow(app: app)
  }

  /// Handles Back before the screen is closed.
  public func back(app: App) -> Bool {
    if query.text != nil || query.visibility != nil || query.modality != nil || query.sensitivity != nil
      || query.tag != nil || query.owner != nil
    {
      query = DatasetQuery(sort: query.sort, descending: query.descending)
      queryChanged(app: app)
      return true
    }
    if !markedIDs.isEmpty {
      markedIDs.removeAll()
      return true
    }
    return false
  }

  // MARK: - Raw events (search field, filter panel, mouse)

  var lastTableRect = Rect(x: 0, y: 0, width: 0, height: 0)

  /// Handles events the key map left (fields, mouse).
  public func handle(_ event: InputEvent, app: App) -> Bool {
    if var field = search {
      switch event {
      case .key(.enter):
        search = nil
      case .key(.escape):
        search = nil
        if query.text != nil {
          query.text = nil
          queryChanged(app: app)
        }
      case .key(.up), .key(.down), .key(.pageUp), .key(.pageDown):
        _ = table.handle(event, in: lastTableRect)
        afterMove(app: app)
      default:
        guard field.handle(event) else { return true }
        search = field
        let text = field.text.trimmingCharacters(in: .whitespaces)
        let newText: String? = text.isEmpty ? nil : field.text
        if newText != query.text {
          query.text = newText
          queryChanged(app: app)
        }
      }
      return true
    }
    if var panel = filters {
      let open = panel.handle(event)
      filters = open ? panel : nil
      if panel.query != query {
        query = panel.query
        queryChanged(app: app)
      }
      return true
    }
    if case .mouse(let mouse) = event, mouse.action == .leftClick, mouse.position.y == lastTableRect.y,
      lastTableRect.contains(mouse.position)
    {
      // A click on a column's title sorts by it; a second click reverses, as its number key does.
      if let index = table.column(atX: mouse.position.x, in: lastTableRect), index < columns.count,
        let key = columns[index].sort
      {
        return perform(.sort(key.rawValue), app: app)
      }
      return true
    }
    if case .mouse = event {
      let used = table.handle(event, in: lastTableRect)
      afterMove(app: app)
      return used
    }
    return false
  }
}
