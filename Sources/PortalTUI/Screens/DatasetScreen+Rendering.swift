import Portal
import PortalCore
import TerminalKit

extension DatasetScreen {
  /// Draws the screen's body (see ``Screen``).
  public func render(_ context: RenderContext, in rect: Rect) {
    let rows = Layout.rows(rect, [.fixed(1), .fixed(1), .fill])
    tabs.styles.tab = context.style(.muted)
    tabs.styles.selected = context.theme[.selection].adding(.bold)
    tabs.styles.separator = context.style(.border)
    tabs.render(into: context.terminal, in: rows[0])
    let body = rows[2]
    switch tab {
    case .overview: renderOverview(context, in: body)
    case .samples: renderSamples(context, in: body)
    case .access: accessTab.render(context, in: body, screen: self)
    case .jobs: renderJobs(context, in: body)
    case .versions: renderVersions(context, in: body)
    case .audit: renderAudit(context, in: body)
    }
  }

  // MARK: - Helpers

  /// Draws a message (loading, refused) in place of a tab's content; true if drawn.
  func renderState<Value>(_ state: Loadable<Value>, _ context: RenderContext, in rect: Rect, what: String) -> Bool {
    switch state {
    case .loaded: return false
    case .loading:
      context.terminal.put(text: "Loading \(what)…", in: rect.inset(left: 2).row(0), style: context.style(.muted))
    case .failed(let message):
      for (index, line) in DisplayWidth.wrap(message, width: max(1, rect.width - 4)).enumerated()
      where index < rect.height {
        context.terminal.put(text: line, in: rect.inset(left: 2).row(index), style: context.style(.error))
      }
    }
    return true
  }

  /// Draws the current tab's list as a table.
  func renderList(_ context: RenderContext, in rect: Rect, columns: [TableColumn], cells: [[String]]) {
    var list = lists[tab] ?? TableView(columns: columns)
    list.columns = columns
    list.styles.header = context.style(.header)
    list.styles.row = context.style(.text)
    list.styles.cursor = context.theme[.selection]
    list.render(into: context.terminal, in: rect, dataSource: ArrayTableSource(cells: cells))
    lists[tab] = list
    lastListRect = rect
  }

  /// `label  value` lines from `y`, returning the next free row.
  @discardableResult
  func renderFacts(
    _ facts: [(String, String)], _ context: RenderContext, in rect: Rect, from y: Int, labelWidth: Int = 14
  )
    -> Int
  {
    var row = y
    for (label, value) in facts where row < rect.maxY {
      context.terminal.put(
        text: label, in: Rect(x: rect.x, y: row, width: labelWidth, height: 1), style: context.style(.muted))
      context.terminal.put(
        text: value, in: Rect(x: rect.x + labelWidth, y: row, width: rect.width - labelWidth, height: 1),
        style: context.style(Badges.role(forFact: label, of: summary.dataset)))
      row += 1
    }
    return row
  }

  /// Wrapped paragraphs from `y`, returning the next free row.
  @discardableResult
  func renderParagraph(_ text: String, _ context: RenderContext, in rect: Rect, from y: Int, role: ThemeRole = .text)
    -> Int
  {
    var row = y
    for line in DisplayWidth.wrap(text, width: max(1, rect.width)) where row < rect.maxY {
      context.terminal.put(
        text: line, in: Rect(x: rect.x, y: row, width: rect.width, height: 1), style: context.style(role))
      row += 1
    }
    return row
  }

  // MARK: - Tabs

  private func renderOverview(_ context: RenderContext, in rect: Rect) {
    let inner = rect.inset(left: 2, right: 2)
    let format = context.format
    let dataset = summary.dataset
    let rights = dataset.useRights
    let rightsText = [
      rights.train ? "train" : nil, rights.evaluate ? "evaluate" : nil,
      rights.noRedistribution ? "no redistribution" : nil, rights.retentionDays.map { "retain \($0) days" },
    ].compactMap { $0 }.joined(separator: ", ")
    let facts: [(String, String)] = [
      ("Name", SafeText.line(dataset.name)), ("Slug", dataset.slug), ("Owner", SafeText.line(summary.ownerLogin)),
      ("Modality", dataset.modality?.rawValue ?? "-"),
      ("Samples", "\(format.count(summary.sampleCount)) (\(format.bytes(summary.totalBytes)))"),
      ("Visibility", dataset.visibility.rawValue), ("Sensitivity", dataset.sensitivity.rawValue),
      ("Licence", SafeText.line(dataset.licence ?? "unspecified")),
      ("Languages", dataset.languages.isEmpty ? "-" : dataset.languages.joined(separator: ", ")),
      ("Tags", dataset.tags.isEmpty ? "-" : SafeText.line(dataset.tags.joined(separator: ", "))),
      ("Use rights", rightsText.isEmpty ? "-" : rightsText), ("Version", summary.versionNumber.map { "v\($0)" } ?? "-"),
      ("Created", format.dateTime(dataset.createdAt)), ("Updated", format.dateTime(dataset.updatedAt)),
    ]
    var y = renderFacts(facts, context, in: inner, from: inner.y)
    if let detail = detail.value {
      y = renderFacts([("You may", detail.allowedActions.joined(separator: ", "))], context, in: inner, from: y)
    }
    y += 1
    let description = dataset.description.isEmpty ? "(no description)" : SafeText.line(dataset.description)
    renderParagraph(description, context, in: inner, from: y, role: dataset.description.isEmpty ? .muted : .text)
  }

  private func renderSamples(_ context: RenderContext, in rect: Rect) {
    guard !renderState(samples, context, in: rect, what: "samples"), let rows = samples.value else { return }
    guard !rows.isEmpty else {
      context.terminal.put(
        text: "This version has no samples.", in: rect.inset(left: 2).row(0), style: context.style(.muted))
      return
    }
    let split = Layout.columns(rect, [.fill(45), .fill(55)])
    let format = context.format
    let pathWidth = max(8, split[0].width - 2 - 7 - 9 - 2)
    let columns = [
      TableColumn("#", width: 6, alignment: .trailing), TableColumn("File", width: pathWidth),
      TableColumn("Size", width: 9, alignment: .trailing),
    ]
    let cells = rows.map { row in
      [String(row.sample.ordinal), SafeText.line(row.relativePath), format.bytes(row.sample.length)]
    }
    renderList(context, in: split[0], columns: columns, cells: cells)
    let cursor = lists[.samples]?.cursor ?? 0
    preview.render(
      context, dataset: reference, sample: rows.indices.contains(cursor) ? rows[cursor] : nil, in: split[1])
  }

  private func renderJobs(_ context: RenderContext, in rect: Rect) {
    jobsPanel.render(context, in: rect, showDataset: false)
  }

  private func renderVersions(_ context: RenderContext, in rect: Rect) {
    guard !renderState(detail, context, in: rect, what: "versions"), let detail = detail.value else { return }
    let format = context.format
    let columns = [
      TableColumn("#", width: 4, alignment: .trailing), TableColumn("Origin", width: 10),
      TableColumn("Samples", width: 9, alignment: .trailing), TableColumn("Size", width: 9, alignment: .trailing),
      TableColumn("Parent", width: 6), TableColumn("Created", width: 16), TableColumn("Current", width: 7),
    ]
    let numbers = Dictionary(
      detail.versions.compactMap { v in v.id.map { ($0, v.number) } }, uniquingKeysWith: { a, _ in a })
    let cells = detail.versions.map { version -> [String] in
      [
        "v\(version.number)", version.origin.rawValue, format.count(version.sampleCount),
        format.bytes(version.totalBytes), version.parentID.flatMap { numbers[$0] }.map { "v\($0)" } ?? "-",
        format.dateTime(version.createdAt), version.id == summary.dataset.currentVersionID ? "yes" : "",
      ]
    }
    renderList(context, in: rect, columns: columns, cells: cells)
  }

  private func renderAudit(_ context: RenderContext, in rect: Rect) {
    guard !renderState(audit, context, in: rect, what: "the audit log"), let events = audit.value else { return }
    let format = context.format
    let columns = [
      TableColumn("When", width: 16), TableColumn("Who", width: 12), TableColumn("Action", width: 18),
      TableColumn("Target", width: max(10, rect.width - 2 - 16 - 12 - 18 - 3)),
    ]
    let cells = events.map { event in
      [
        format.dateTime(event.at), SafeText.line(event.actor), SafeText.line(event.action),
        SafeText.line("\(event.targetKind) \(event.targetID)"),
      ]
    }
    renderList(context, in: rect, columns: columns, cells: cells)
  }
}
