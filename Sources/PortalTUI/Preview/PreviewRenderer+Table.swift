import PortalMedia
import TerminalKit

// MARK: - Tables

extension PreviewRenderer {
  /// Widest a column gets; longer cells end in an ellipsis.
  static let maxColumnWidth = 32

  /// A CSV/TSV table: row numbers, the header on top, the sample's row reversed, columns
  /// sized by their data and scrolled sideways by `state.columnOffset`.
  func drawTable(_ table: TablePreview, into terminal: any Terminal, in rect: Rect, state: PreviewViewState)
    -> PreviewDrawResult
  {
    let columnCount = table.columnCount
    guard columnCount > 0 else {
      terminal.put(text: "(no columns)", in: rect.row(0), style: styles.gutter)
      return PreviewDrawResult()
    }
    var widths = Array(repeating: 1, count: columnCount)
    for (index, cell) in (table.header ?? []).enumerated() {
      widths[index] = max(widths[index], DisplayWidth.of(cell.text))
    }
    for row in table.rows {
      for (index, cell) in row.cells.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell.text)) }
    }
    widths = widths.map { min(Self.maxColumnWidth, $0) }
    let gutterWidth = max(3, (table.rows.compactMap(\.ordinal).max().map { String($0).count } ?? 1) + 2)
    let separator = " " + terminal.glyphs.vertical + " "
    let firstColumn = min(state.columnOffset, columnCount - 1)

    func drawRow(_ cells: [SanitizedText], number: String, y: Int, style: Style) {
      terminal.put(
        text: DisplayWidth.fit(number, to: gutterWidth, alignment: .trailing, ellipsis: ""), at: Point(x: rect.x, y: y),
        style: style == .plain ? styles.gutter : style)
      var x = rect.x + gutterWidth + 1
      if style != .plain { terminal.fill(Rect(x: x - 1, y: y, width: rect.maxX - x + 1, height: 1), style: style) }
      for column in firstColumn..<columnCount where x < rect.maxX {
        if column > firstColumn {
          terminal.put(
            text: DisplayWidth.clip(separator, to: rect.maxX - x), at: Point(x: x, y: y), style: style.adding(.dim))
          x += 3
        }
        let width = min(widths[column], rect.maxX - x)
        guard width > 0 else { break }
        if column < cells.count {
          let cell = cells[column]
          let fits = DisplayWidth.of(cell.text) <= width
          let shown = fits ? cell : split(cell, columns: max(1, width - 1)).0
          let used = drawSanitized(shown, at: Point(x: x, y: y), width: width, style: style, into: terminal)
          if !fits {
            terminal.put(text: terminal.glyphs.ellipsis, at: Point(x: x + used, y: y), style: style.adding(.dim))
          }
        }
        x += width
      }
    }

    var y = rect.y
    if let header = table.header {
      drawRow(header, number: "", y: y, style: styles.header)
      y += 1
    }
    let available = rect.maxY - y
    // Keep the highlighted row in view: centre it when the neighbours do not all fit.
    var first = 0
    if let highlighted = table.highlighted, table.rows.count > available {
      first = max(0, min(table.rows.count - available, highlighted - available / 2))
    }
    for (index, row) in table.rows.enumerated().dropFirst(first).prefix(max(0, available)) {
      let style = index == table.highlighted ? styles.highlighted : Style.plain
      let mark = index == table.highlighted ? terminal.glyphs.pointer : ""
      drawRow(row.cells, number: mark + (row.ordinal.map { "#\($0)" } ?? ""), y: y, style: style)
      y += 1
    }
    return PreviewDrawResult(maxColumnOffset: columnCount - 1)
  }
}
