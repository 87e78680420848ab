import Portal
import PortalCore
import TerminalKit

extension DatasetsScreen {
  /// Draws the screen's body (see ``Screen``).
  public func render(_ context: RenderContext, in rect: Rect) {
    let terminal = context.terminal
    var body = rect
    if let panel = filters {
      let columns = Layout.columns(body, [.fixed(min(30, body.width / 2)), .fill])
      panel.render(context, in: columns[0])
      body = columns[1]
    }
    let showBar = search != nil || query.text != nil || hasFilters
    // Beside the table only where every column still fits next to it (else the table
    // would lose Licence and Last job); below it when there is height, beside as a last resort.
    let besideWidth = 40
    let roomBeside = body.width - besideWidth - 1 >= DatasetColumn.fullWidth
    let detailBelow = showDetail && !roomBeside && body.height >= 18
    let detailBeside = showDetail && !detailBelow && body.width >= 110
    var parts = Layout.rows(body, [.fixed(showBar ? 1 : 0), .fill, .fixed(detailBelow ? 8 : 0)])
    if detailBeside {
      // A one-cell gap keeps the last column's text off the pane's border.
      let split = Layout.columns(parts[1], [.fill, .fixed(1), .fixed(besideWidth)])
      parts[1] = split[0]
      renderDetail(context, in: split[2], beside: true)
    }
    if detailBelow { renderDetail(context, in: parts[2], beside: false) }
    if showBar { renderSearchBar(context, in: parts[0]) }

    let tableRect = parts[1]
    lastTableRect = tableRect
    columns = DatasetColumn.fitting(width: tableRect.width)
    table.columns = columns.map { TableColumn($0.title, width: $0.width, alignment: $0.alignment) }
    table.sort = columns.firstIndex { $0.sort == query.sort }.map {
      TableSort(column: $0, ascending: !query.descending)
    }
    table.styles.header = context.style(.header)
    table.styles.row = context.style(.text)
    table.styles.cursor = context.theme[.selection]
    table.styles.mark = context.style(.accent)
    table.marked = Set(
      (table.scrollOffset..<(table.scrollOffset + max(1, table.pageSize))).filter { index in
        window.row(at: index).flatMap(\.dataset.id).map(markedIDs.contains) ?? false
      })
    let source = DatasetTableSource(
      window: window, columns: columns, format: context.format, placeholder: context.glyphs.ellipsis)
    table.render(into: terminal, in: tableRect, dataSource: source)
    if let pending = pendingCursor {
      pendingCursor = nil
      table.moveCursor(to: pending)
      table.render(into: terminal, in: tableRect, dataSource: source)
    }
    // What is under the cursor is the selection, kept by id across refreshes.
    if let id = current?.dataset.id { selectedID = id }
    colourColumn("Visibility", context, in: tableRect) {
      (DatasetColumn.visibilityLabel($0.visibility), Badges.role($0.visibility))
    }
    colourColumn("Sensitivity", context, in: tableRect) { ($0.sensitivity.rawValue, Badges.role($0.sensitivity)) }
    if let message = emptyMessage {
      let line = Rect(x: tableRect.x + 2, y: tableRect.y + 2, width: tableRect.width - 4, height: 1)
      terminal.put(text: message, in: line, style: context.style(loadError == nil ? .muted : .error))
    }
  }

  var hasFilters: Bool {
    query.visibility != nil || query.modality != nil || query.sensitivity != nil || query.tag != nil
      || query.owner != nil
  }

  private var emptyMessage: String? {
    if let loadError { return "Cannot list datasets: \(loadError)" }
    guard let total = window.total else { return "Loading datasets…" }
    guard total == 0 else { return nil }
    if query.text != nil || hasFilters { return "Nothing matches. Esc clears the search and filters." }
    return "No datasets yet. Press i to import a directory, or run `portal import PATH --name NAME`."
  }

  /// Draws the words of the column titled `title` in their badge roles (not on the
  /// cursor row, which keeps the selection style whole).
  private func colourColumn(
    _ title: String, _ context: RenderContext, in rect: Rect, cell: (Dataset) -> (text: String, role: ThemeRole)
  ) {
    guard table.horizontalOffset == 0, let column = columns.firstIndex(where: { $0.title == title }) else { return }
    let x = rect.x + 2 + columns[..<column].reduce(0) { $0 + $1.width + 1 }
    guard x < rect.maxX else { return }
    let width = min(columns[column].width, rect.maxX - x)
    for offset in 0..<max(0, rect.height - 1) {
      let index = table.scrollOffset + offset
      guard index != table.cursor, let row = window.row(at: index) else { continue }
      let (text, role) = cell(row.dataset)
      context.terminal.put(
        text: text, in: Rect(x: x, y: rect.y + 1 + offset, width: width, height: 1), style: context.style(role))
    }
  }

  private func renderSearchBar(_ context: RenderContext, in rect: Rect) {
    let terminal = context.terminal
    terminal.put(text: "/", at: Point(x: rect.x, y: rect.y), style: context.style(.accent))
    var filtersText: [String] = []
    if let value = query.visibility { filtersText.append("visibility=\(value.rawValue)") }
    if let value = query.modality { filtersText.append("modality=\(value.rawValue)") }
    if let value = query.sensitivity { filtersText.append("sensitivity=\(value.rawValue)") }
    if let value = query.tag { filtersText.append("tag=\(SafeText.line(value))") }
    if let value = query.owner { filtersText.append("owner=\(SafeText.line(value))") }
    var summary = filtersText.isEmpty ? "" : " " + filtersText.joined(separator: " ")
    // Sample text still being indexed after an import: say so beside the query.
    let indexNotice = query.text == nil ? nil : contentIndex?.isComplete == false ? contentIndex : nil
    if let indexNotice {
      summary += " content index \(indexNotice.percent)% built — results may be incomplete"
    }
    let summaryWidth = min(DisplayWidth.of(summary), rect.width / 2)
    let fieldRect = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 3 - summaryWidth, height: 1)
    if var field = search {
      field.styles.focused = context.style(.text).adding(.underline)
      field.render(into: terminal, in: fieldRect, focused: true)
      search = field
    } else {
      terminal.put(text: SafeText.line(query.text ?? ""), in: fieldRect, style: context.style(.text))
    }
    if summaryWidth > 0 {
      terminal.put(
        text: summary, in: Rect(x: rect.maxX - summaryWidth, y: rect.y, width: summaryWidth, height: 1),
        style: context.style(indexNotice == nil ? .muted : .warning), alignment: .trailing)
    }
  }

  private func renderDetail(_ context: RenderContext, in rect: Rect, beside: Bool) {
    guard !rect.isEmpty else { return }
    let terminal = context.terminal
    terminal.drawBox(rect, style: context.style(.border), title: "Detail", titleStyle: context.style(.accent))
    let inner = rect.inset(by: 1).inset(left: 1, right: 1)
    guard let row = current, !inner.isEmpty else {
      terminal.put(text: "Nothing selected", in: inner.row(0), style: context.style(.muted))
      return
    }
    let dataset = row.dataset
    let format = context.format
    let facts: [(String, String)] = [
      ("Name", SafeText.line(dataset.name)), ("Slug", dataset.slug), ("Owner", SafeText.line(row.ownerLogin)),
      ("Samples", "\(format.count(row.sampleCount)) · \(format.bytes(row.totalBytes))"),
      ("Visibility", dataset.visibility.rawValue), ("Sensitivity", dataset.sensitivity.rawValue),
      ("Licence", SafeText.line(dataset.licence ?? "unspecified")),
      ("Languages", dataset.languages.isEmpty ? "-" : dataset.languages.joined(separator: ", ")),
      ("Tags", dataset.tags.isEmpty ? "-" : SafeText.line(dataset.tags.joined(separator: ", "))),
      ("Version", row.versionNumber.map { "v\($0)" } ?? "-"), ("Updated", format.dateTime(dataset.updatedAt)),
    ]
    var lines: [(String, String)] = facts
    if beside {
      lines.append(("", ""))
      for line in DisplayWidth.wrap(SafeText.line(dataset.description), width: max(1, inner.width)) {
        lines.append(("", line))
      }
    }
    let labelWidth = 12
    if beside {
      for (index, (label, value)) in lines.enumerated() where index < inner.height {
        let y = inner.y + index
        terminal.put(
          text: label, in: Rect(x: inner.x, y: y, width: labelWidth, height: 1), style: context.style(.muted))
        let valueRect =
          label.isEmpty
          ? Rect(x: inner.x, y: y, width: inner.width, height: 1)
          : Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1)
        terminal.put(text: value, in: valueRect, style: context.style(Badges.role(forFact: label, of: dataset)))
      }
      return
    }
    // Below the table: two columns of facts.
    let halves = Layout.columns(inner, [.fill, .fill], spacing: 2)
    for (index, (label, value)) in facts.enumerated() {
      let half = halves[index % 2 == 0 || inner.height * 2 <= index ? 0 : 1]
      let y = inner.y + index / 2
      guard y < inner.maxY else { break }
      terminal.put(text: label, in: Rect(x: half.x, y: y, width: labelWidth, height: 1), style: context.style(.muted))
      terminal.put(
        text: value, in: Rect(x: half.x + labelWidth, y: y, width: half.width - labelWidth, height: 1),
        style: context.style(Badges.role(forFact: label, of: dataset)))
    }
  }
}
