/// The name of an action (`cursor.down`): what config files bind and the palette finds.
public struct ActionID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  /// The dotted name.
  public var rawValue: String

  /// Wraps a name.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Wraps a name.
  public init(_ name: String) { rawValue = name }

  /// The dotted name.
  public var description: String { rawValue }

  // MARK: - Everywhere
  static let quit = ActionID("app.quit")
  static let back = ActionID("app.back")
  static let help = ActionID("app.help")
  static let palette = ActionID("app.palette")
  static let refresh = ActionID("app.refresh")
  static let nextTheme = ActionID("app.theme.next")

  // MARK: - Moving in lists
  static let down = ActionID("cursor.down")
  static let up = ActionID("cursor.up")
  static let top = ActionID("cursor.top")
  static let bottom = ActionID("cursor.bottom")
  static let halfPageDown = ActionID("cursor.half-page-down")
  static let halfPageUp = ActionID("cursor.half-page-up")
  static let pageDown = ActionID("cursor.page-down")
  static let pageUp = ActionID("cursor.page-up")
  static let scrollLeft = ActionID("view.scroll-left")
  static let scrollRight = ActionID("view.scroll-right")

  // MARK: - Datasets
  static let open = ActionID("datasets.open")
  static let search = ActionID("datasets.search")
  static let filter = ActionID("datasets.filter")
  static let clearFilters = ActionID("datasets.clear-filters")
  static let sortNext = ActionID("datasets.sort.next")
  static let sortReverse = ActionID("datasets.sort.reverse")
  static let toggleMark = ActionID("datasets.mark")
  static let markAll = ActionID("datasets.mark-all")
  static let clearMarks = ActionID("datasets.unmark-all")
  static let toggleDetail = ActionID("datasets.detail")
  static let importData = ActionID("datasets.import")

  /// `datasets.sort.<column>`, one per sortable column.
  static func sort(_ column: String) -> ActionID { ActionID("datasets.sort.\(column)") }

  // MARK: - Dataset
  static let nextTab = ActionID("dataset.tab.next")
  static let previousTab = ActionID("dataset.tab.previous")
  static let previewDown = ActionID("dataset.preview.down")
  static let previewUp = ActionID("dataset.preview.up")

  static let openItem = ActionID("dataset.open-item")
  static let newJob = ActionID("dataset.new-job")

  // MARK: - Sample preview (when the preview pane has focus)
  static let previewPageDown = ActionID("preview.page-down")
  static let previewPageUp = ActionID("preview.page-up")
  static let previewTop = ActionID("preview.top")
  static let previewBottom = ActionID("preview.bottom")
  static let previewSearch = ActionID("preview.search")
  static let previewNextMatch = ActionID("preview.next-match")
  static let previewPreviousMatch = ActionID("preview.previous-match")
  static let previewNextPage = ActionID("preview.pdf-next-page")
  static let previewPreviousPage = ActionID("preview.pdf-previous-page")
  static let previewFocusList = ActionID("preview.focus-list")

  // MARK: - Jobs
  static let showJobs = ActionID("jobs.show")
  static let cancelJob = ActionID("jobs.cancel")
  static let retryJob = ActionID("jobs.retry")
  static let jobDetails = ActionID("jobs.details")

  /// `dataset.tab.<name>`, one per tab.
  static func tab(_ name: String) -> ActionID { ActionID("dataset.tab.\(name)") }
}
