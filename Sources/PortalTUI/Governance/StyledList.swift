import TerminalKit

/// A scrolling list whose cells carry their own theme role (badges: expiring grants in
/// the warning style, revoked ones muted, refusals in the error style). The Access tab,
/// the requests inbox and the bulk preview draw with it.
struct StyledList {
  /// One cell: text, column width (0 = the rest of the row) and role.
  struct Cell {
    var text: String
    var width: Int
    var role: ThemeRole

    init(_ text: String, _ width: Int, _ role: ThemeRole = .text) {
      self.text = text
      self.width = width
      self.role = role
    }
  }

  private(set) var cursor = 0
  private(set) var offset = 0
  private(set) var pageSize = 1

  /// Moves the cursor to `row`, clamped to `count` rows.
  mutating func move(to row: Int, count: Int) {
    cursor = max(0, min(row, count - 1))
  }

  /// Draws `header` (if any) and `rows` in `rect`, the cursor row in the selection style.
  mutating func render(
    _ context: RenderContext, in rect: Rect, header: [Cell]?, rows: [[Cell]], showCursor: Bool = true
  ) {
    guard rect.height > 0, rect.width > 0 else { return }
    var y = rect.y
    if let header {
      draw(header, context, y: y, rect: rect, cursor: false, header: true)
      y += 1
    }
    pageSize = max(1, rect.maxY - y)
    cursor = max(0, min(cursor, rows.count - 1))
    if cursor < offset { offset = cursor }
    if cursor >= offset + pageSize { offset = cursor - pageSize + 1 }
    offset = max(0, min(offset, max(0, rows.count - pageSize)))
    for index in offset..<min(rows.count, offset + pageSize) {
      draw(rows[index], context, y: y, rect: rect, cursor: showCursor && index == cursor, header: false)
      y += 1
    }
  }

  private func draw(_ cells: [Cell], _ context: RenderContext, y: Int, rect: Rect, cursor: Bool, header: Bool) {
    let terminal = context.terminal
    if cursor { terminal.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: context.theme[.selection]) }
    var x = rect.x + 1
    for cell in cells where x < rect.maxX {
      let width = cell.width == 0 ? rect.maxX - x : min(cell.width, rect.maxX - x)
      let style: Style =
        header ? context.style(.header) : cursor ? context.theme[.selection] : context.style(cell.role)
      terminal.put(
        text: DisplayWidth.fit(cell.text, to: width, ellipsis: context.glyphs.ellipsis),
        in: Rect(x: x, y: y, width: width, height: 1), style: style)
      x += width + 1
    }
  }
}
