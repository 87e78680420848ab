import PortalCore

/// Every action of the TUI, in the order help lists them.
public struct ActionRegistry: Sendable {
  /// The actions.
  public let actions: [ActionSpec]
  private let index: [ActionID: Int]

  /// A registry over `actions`.
  public init(_ actions: [ActionSpec]) {
    self.actions = actions
    index = Dictionary(actions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The spec of `id`.
  public subscript(id: ActionID) -> ActionSpec? { index[id].map { actions[$0] } }

  /// Tabs of the dataset screen, in order (their actions are `dataset.tab.<name>`).
  static let datasetTabs = ["overview", "samples", "access", "jobs", "versions", "audit"]

  /// Sortable columns (their actions are `datasets.sort.<column>`), keyed 1–8.
  static let sortColumns = DatasetQuery.SortKey.allCases

  /// The portal's actions.
  public static let standard: ActionRegistry = {
    let lists: Set<ScreenKind> = [.datasets, .dataset, .help, .requests, .jobs]
    var actions: [ActionSpec] = [
      ActionSpec(.quit, "Quit", "Leave the portal from any screen.", keys: ["Q"]),
      ActionSpec(
        .back, "Back", "Close the overlay or screen; on the home screen, clear the search, then quit.",
        keys: ["q", "esc"]),
      ActionSpec(.help, "Help", "Show every action, its keys and where it applies.", keys: ["?", "f1"]),
      ActionSpec(
        .palette, "Command palette", "Run any action by name (fuzzy match); also `theme NAME`.",
        keys: [":"]),
      ActionSpec(.refresh, "Refresh", "Re-read the catalog and redraw the whole screen.", keys: ["ctrl-l"]),
      ActionSpec(.nextTheme, "Next theme", "Switch to the next installed theme.", keys: ["T"]),
      ActionSpec(
        .tour, "Guided tour", "Walk through the portal step by step (Tab does a step, Esc closes).", keys: ["f2"]),
      ActionSpec(.down, "Down", "Move down one row.", keys: ["j", "down"], screens: lists),
      ActionSpec(.up, "Up", "Move up one row.", keys: ["k", "up"], screens: lists),
      ActionSpec(.top, "Top", "Go to the first row.", keys: ["g", "home"], screens: lists),
      ActionSpec(.bottom, "Bottom", "Go to the last row.", keys: ["G", "end"], screens: lists),
      ActionSpec(.halfPageDown, "Half page down", "Move down half a screen.", keys: ["ctrl-d"], screens: lists),
      ActionSpec(.halfPageUp, "Half page up", "Move up half a screen.", keys: ["ctrl-u"], screens: lists),
      ActionSpec(.pageDown, "Page down", "Move down a screen.", keys: ["pgdn", "ctrl-f"], screens: lists),
      ActionSpec(.pageUp, "Page up", "Move up a screen.", keys: ["pgup", "ctrl-b"], screens: lists),
      ActionSpec(
        .scrollLeft, "Scroll left", "Scroll wide tables left.", keys: ["h", "left"], screens: [.datasets, .preview]),
      ActionSpec(
        .scrollRight, "Scroll right", "Scroll wide tables right.", keys: ["l", "right"],
        screens: [.datasets, .preview]),
      ActionSpec(.open, "Open", "Open the dataset under the cursor.", keys: ["enter", "o"], screens: [.datasets]),
      ActionSpec(
        .search, "Search", "Full-text search as you type (names, descriptions, tags, sample text).",
        keys: ["/"], screens: [.datasets]),
      ActionSpec(
        .filter, "Filter", "Filter by visibility, modality, sensitivity, tag and owner.", keys: ["f"],
        screens: [.datasets]),
      ActionSpec(
        .clearFilters, "Clear filters", "Drop the search and every filter.", keys: ["F"],
        screens: [.datasets]),
      ActionSpec(.sortNext, "Sort by next column", "Sort by the next column.", keys: ["s"], screens: [.datasets]),
      ActionSpec(.sortReverse, "Reverse sort", "Flip the sort direction.", keys: ["S"], screens: [.datasets]),
      ActionSpec(
        .toggleMark, "Mark", "Mark or unmark the row for a bulk action, then move down.",
        keys: ["space"], screens: [.datasets]),
      ActionSpec(.markAll, "Mark all visible", "Mark every row on screen.", keys: ["ctrl-a"], screens: [.datasets]),
      ActionSpec(.clearMarks, "Unmark all", "Clear every mark.", keys: ["u"], screens: [.datasets]),
      ActionSpec(.toggleDetail, "Detail pane", "Show or hide the detail pane.", keys: ["p"], screens: [.datasets]),
      ActionSpec(
        .importData, "Import", "Register a directory as a new dataset (runs in the background).",
        keys: ["i"], screens: [.datasets]),
    ]
    for (number, column) in sortColumns.enumerated() {
      actions.append(
        ActionSpec(
          .sort(column.rawValue), "Sort by \(column.rawValue)",
          "Sort by \(column.rawValue); again to reverse.", keys: ["\(number + 1)"], screens: [.datasets]))
    }
    actions += [
      ActionSpec(.nextTab, "Next tab", "Show the next tab.", keys: ["tab", "]"], screens: [.dataset]),
      ActionSpec(
        .previousTab, "Previous tab", "Show the previous tab.", keys: ["shift-tab", "["],
        screens: [.dataset]),
    ]
    actions += previewAndJobActions
    for (number, tab) in datasetTabs.enumerated() {
      actions.append(
        ActionSpec(
          .tab(tab), "\(tab.prefix(1).uppercased() + tab.dropFirst()) tab", "Show the \(tab) tab.",
          keys: ["\(number + 1)"], screens: [.dataset]))
    }
    actions += governanceActions
    return ActionRegistry(actions)
  }()
}
