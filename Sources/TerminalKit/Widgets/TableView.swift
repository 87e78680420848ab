/// Where a table's rows come from; asked only for the rows on screen.
public protocol TableDataSource {
  /// Total number of rows (may be large: the table never asks for them all).
  var rowCount: Int { get }
  /// The cell texts for each row in `range` (one array per row, one string per column).
  func rows(in range: Range<Int>) -> [[String]]
}

/// A column of a ``TableView``.
public struct TableColumn: Hashable, Sendable {
  /// Header text.
  public var title: String
  /// Width in columns (cells are truncated with an ellipsis or padded to it).
  public var width: Int
  /// Alignment of cell text.
  public var alignment: Alignment

  /// Creates a column.
  public init(_ title: String, width: Int, alignment: Alignment = .leading) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// The sorted column and direction, shown as an arrow in the header (sorting is the data source's job).
public struct TableSort: Hashable, Sendable {
  /// Index of the sorted column.
  public var column: Int
  /// Ascending (↑) or descending (↓).
  public var ascending: Bool

  /// Creates a sort indicator.
  public init(column: Int, ascending: Bool) {
    self.column = column
    self.ascending = ascending
  }
}

/// A virtualised table: a header, a cursor row, multi-select marks and horizontal scrolling.
///
/// State lives in this value; ``render(into:in:dataSource:)`` fetches only the visible rows
/// (one `rows(in:)` call per render), so a million-row result costs what one screen costs.
public struct TableView: Sendable {
  /// Colours and attributes of the parts of a table.
  public struct Styles: Hashable, Sendable {
    /// Header row.
    public var header = Style(attributes: [.bold, .underline])
    /// Ordinary rows.
    public var row = Style.plain
    /// The cursor row.
    public var cursor = Style(attributes: .reverse)
    /// Marks of multi-selected rows.
    public var mark = Style(foreground: .yellow, attributes: .bold)

    /// The default styles.
    public init() {}
  }

  /// Columns, left to right.
  public var columns: [TableColumn]
  /// The sort indicator, if any.
  public var sort: TableSort?
  /// Index of the cursor row.
  public private(set) var cursor = 0
  /// Index of the first row on screen.
  public private(set) var scrollOffset = 0
  /// Columns scrolled off to the left.
  public private(set) var horizontalOffset = 0
  /// Rows marked for a bulk action.
  public var marked: Set<Int> = []
  /// Styles.
  public var styles = Styles()
  /// Rows shown at the last render (for paging).
  public private(set) var pageSize = 1
  private var rowCount = 0

  /// Creates a table.
  public init(columns: [TableColumn], sort: TableSort? = nil) {
    self.columns = columns
    self.sort = sort
  }

  /// Total width of all columns with separators and the mark gutter.
  public var contentWidth: Int { 2 + columns.reduce(0) { $0 + $1.width } + max(0, columns.count - 1) }

  /// The column whose cells (or the separator after them) are at screen column `x` of a
  /// table drawn in `rect`, as laid out at the last render; nil in the gutter or past the end.
  public func column(atX x: Int, in rect: Rect) -> Int? {
    var position = x - rect.x + horizontalOffset - 2
    guard position >= 0 else { return nil }
    for (index, column) in columns.enumerated() {
      if position <= column.width { return index }
      position -= column.width + 1
    }
    return nil
  }

  /// Moves the cursor to `row` (clamped to the rows seen at the last render, if any), scrolling it
  /// into view; a cursor restored before the first render is clamped by that render.
  public mutating func moveCursor(to row: Int) {
    cursor = max(0, rowCount > 0 ? min(row, rowCount - 1) : row)
    if cursor < scrollOffset { scrollOffset = cursor }
    if cursor >= scrollOffset + pageSize { scrollOffset = cursor - pageSize + 1 }
  }

  // MARK: - Rendering

  /// Draws the header and the visible rows into `rect`, asking `dataSource` for those rows only.
  public mutating func render(into terminal: any Terminal, in rect: Rect, dataSource: some TableDataSource) {
    guard !rect.isEmpty else { return }
    rowCount = dataSource.rowCount
    pageSize = max(1, rect.height - 1)
    cursor = max(0, min(cursor, rowCount - 1))
    scrollOffset = max(0, min(scrollOffset, max(0, rowCount - pageSize)))
    if cursor < scrollOffset { scrollOffset = cursor }
    if cursor >= scrollOffset + pageSize { scrollOffset = cursor - pageSize + 1 }
    horizontalOffset = max(0, min(horizontalOffset, max(0, contentWidth - rect.width)))

    let glyphs = terminal.glyphs
    terminal.put(text: visible(headerLine(glyphs), rect), at: Point(x: rect.x, y: rect.y), style: styles.header)
    let visibleRows = scrollOffset..<min(rowCount, scrollOffset + pageSize)
    let rows = visibleRows.isEmpty ? [] : dataSource.rows(in: visibleRows)
    for offset in 0..<pageSize {
      let y = rect.y + 1 + offset
      let index = scrollOffset + offset
      guard index < rowCount, offset < rows.count else {
        terminal.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: styles.row)
        continue
      }
      let style = index == cursor ? styles.cursor : styles.row
      let line = visible(rowLine(rows[offset], glyphs: glyphs, marked: marked.contains(index)), rect)
      terminal.put(text: line, at: Point(x: rect.x, y: y), style: style)
      if marked.contains(index) && horizontalOffset == 0 {
        terminal.put(
          text: glyphs.selectionMark, at: Point(x: rect.x, y: y),
          style: style.foreground(styles.mark.foreground).adding(styles.mark.attributes))
      }
    }
  }

  private func headerLine(_ glyphs: Glyphs) -> String {
    var cells: [String] = []
    for (index, column) in columns.enumerated() {
      var title = column.title
      if let sort, sort.column == index {
        let arrow = sort.ascending ? glyphs.arrowUp : glyphs.arrowDown
        title = DisplayWidth.truncate(title, to: column.width - 1, ellipsis: glyphs.ellipsis) + arrow
      }
      cells.append(DisplayWidth.fit(title, to: column.width, alignment: column.alignment, ellipsis: glyphs.ellipsis))
    }
    return "  " + cells.joined(separator: " ")
  }

  private func rowLine(_ values: [String], glyphs: Glyphs, marked: Bool) -> String {
    var cells: [String] = []
    for (index, column) in columns.enumerated() {
      let value = index < values.count ? values[index] : ""
      cells.append(DisplayWidth.fit(value, to: column.width, alignment: column.alignment, ellipsis: glyphs.ellipsis))
    }
    return "  " + cells.joined(separator: " ")
  }

  /// The part of a full-width line inside the viewport, padded so the row style fills the rect.
  private func visible(_ line: String, _ rect: Rect) -> String {
    DisplayWidth.pad(DisplayWidth.slice(line, from: horizontalOffset, width: rect.width), to: rect.width)
  }

  // MARK: - Input

  /// Moves the cursor, pages, scrolls sideways, toggles marks (space) and follows the mouse.
  /// Letter keys are left to the screen's key map.
  /// `rect` is where the table was last drawn (for mouse hits). Returns whether it used the event.
  public mutating func handle(_ event: InputEvent, in rect: Rect) -> Bool {
    switch event {
    case .key(.up): moveCursor(to: cursor - 1)
    case .key(.down): moveCursor(to: cursor + 1)
    case .key(.pageUp): moveCursor(to: cursor - pageSize)
    case .key(.pageDown): moveCursor(to: cursor + pageSize)
    case .key(.home): moveCursor(to: 0)
    case .key(.end): moveCursor(to: rowCount - 1)
    case .key(.left): horizontalOffset = max(0, horizontalOffset - 4)
    case .key(.right): horizontalOffset = min(max(0, contentWidth - rect.width), horizontalOffset + 4)
    case .key(.character(" ")):
      guard rowCount > 0 else { return false }
      if marked.contains(cursor) { marked.remove(cursor) } else { marked.insert(cursor) }
      moveCursor(to: cursor + 1)
    case .mouse(let mouse) where rect.contains(mouse.position):
      switch mouse.action {
      case .wheelUp:
        scrollOffset = max(0, scrollOffset - 3)
        moveCursor(to: min(cursor, scrollOffset + pageSize - 1))
      case .wheelDown:
        scrollOffset = max(0, min(scrollOffset + 3, rowCount - pageSize))
        moveCursor(to: max(cursor, scrollOffset))
      case .leftClick where mouse.position.y > rect.y:
        moveCursor(to: scrollOffset + mouse.position.y - rect.y - 1)
      default: return false
      }
    default: return false
    }
    return true
  }
}
