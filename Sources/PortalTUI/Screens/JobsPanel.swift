import Foundation
import Portal
import PortalCore
import TerminalKit

/// The job list the Jobs screen and a dataset's Jobs tab share: queue and history with
/// state, kind, dataset, a progress bar with rate and time left, attempts, who queued
/// it and the error; below it the selected job in a few lines. Cancel asks first.
struct JobsPanel {
  enum State {
    case loading
    case loaded([JobRow])
    case failed(String)
  }

  private(set) var state = State.loading
  private var table = TableView(columns: [])

  /// The rows loaded so far.
  var rows: [JobRow] {
    if case .loaded(let rows) = state { return rows }
    return []
  }

  /// The job under the cursor.
  var selected: JobRow? { rows.indices.contains(table.cursor) ? rows[table.cursor] : nil }

  /// New rows arrived: keep the cursor on the same job when it is still listed.
  mutating func deliver(_ result: Result<[JobRow], any Error>) {
    let selectedID = selected?.job.id
    switch result {
    case .success(let rows):
      state = .loaded(rows)
      if let selectedID, let index = rows.firstIndex(where: { $0.job.id == selectedID }) { table.moveCursor(to: index) }
    case .failure(let error):
      state = .failed(SafeText.line("\(error)"))
    }
  }

  /// Moves the cursor for a list action.
  mutating func move(_ action: ActionID) {
    let count = rows.count
    guard count > 0 else { return }
    let target: Int
    switch action {
    case .down: target = table.cursor + 1
    case .up: target = table.cursor - 1
    case .top: target = 0
    case .bottom: target = count - 1
    case .pageDown, .halfPageDown: target = table.cursor + table.pageSize
    default: target = table.cursor - table.pageSize
    }
    table.moveCursor(to: max(0, min(target, count - 1)))
  }

  /// Enter: the job's parameters, report and error in an overlay.
  func showDetails(app: App) {
    guard let row = selected else { return }
    // One small read (the produced version's report); a failure leaves it out.
    let report = row.job.id.flatMap { try? app.session.jobReport($0) }
    app.present(JobDetailOverlay(row: row, report: report, format: app.options.format))
  }

  /// Cancel (after a confirmation) or retry the job under the cursor.
  func perform(_ action: ActionID, app: App) {
    guard let row = selected, let id = row.job.id else {
      app.toast("No job selected.", kind: .info, seconds: 2)
      return
    }
    let session = app.session
    let name = "\(row.job.kind.rawValue) of \(SafeText.line(row.datasetSlug))"
    if action == .retryJob {
      guard [.failed, .cancelled].contains(row.job.state) else {
        app.toast("Job \(id) is \(row.job.state.rawValue): only failed or cancelled jobs can be retried.", kind: .info)
        return
      }
      app.submit({ try session.retryJob(id) }) { [weak app] result in
        Self.report(result, success: "\(name) queued again (job \(id))", app: app)
      }
      return
    }
    guard !row.job.state.isFinal else {
      app.toast("Job \(id) already \(row.job.state.rawValue); nothing to cancel.", kind: .info)
      return
    }
    let message =
      row.job.state == .running
      ? "Cancel job \(id) (\(name))? It stops at its next checkpoint; nothing it staged is published."
      : "Cancel job \(id) (\(name))? It will not run."
    app.present(
      ConfirmOverlay(
        dialog: .confirm(title: "Cancel job", message: message, confirmLabel: "Cancel job", cancelLabel: "Keep")
      ) { app in
        app.submit({ try session.cancelJob(id) }) { [weak app] result in
          Self.report(result, success: "cancel of job \(id) requested", app: app)
        }
      })
  }

  private static func report(_ result: Result<JobRow, any Error>, success: String, app: App?) {
    guard let app else { return }
    switch result {
    case .success:
      app.toast(success, kind: .success)
      app.catalogDidChange()
    case .failure(let error): app.toast("\(error)", kind: .error, seconds: 8)
    }
  }

  // MARK: - Drawing

  /// Draws the list and the selected job's summary into `rect`.
  mutating func render(_ context: RenderContext, in rect: Rect, showDataset: Bool) {
    let terminal = context.terminal
    switch state {
    case .loading:
      terminal.put(text: "Loading jobs…", in: rect.inset(left: 2).row(0), style: context.style(.muted))
      return
    case .failed(let message):
      terminal.put(text: message, in: rect.inset(left: 2).row(0), style: context.style(.error))
      return
    case .loaded(let rows) where rows.isEmpty:
      let hint = context.keyMap.primaryKey(of: .newJob).map { " Press \($0) on a dataset to queue one." } ?? ""
      terminal.put(text: "No jobs yet." + hint, in: rect.inset(left: 2).row(0), style: context.style(.muted))
      return
    case .loaded: break
    }
    let parts = Layout.rows(rect, [.fill, .fixed(min(4, max(0, rect.height - 4)))])
    let columns = Self.columns(width: parts[0].width, showDataset: showDataset)
    let format = context.format
    let cells = rows.map { row -> [String] in
      let job = row.job
      var line = ["\(job.id ?? 0)", job.kind.rawValue]
      if showDataset { line.append(SafeText.line(row.datasetSlug)) }
      line += [
        job.cancelRequested && !job.state.isFinal ? "cancelling" : job.state.rawValue, "",
        "\(job.attempt)/\(job.maxAttempts)", SafeText.line(row.queuedByLogin), SafeText.line(job.error ?? ""),
      ]
      return line
    }
    table.columns = columns
    table.styles.header = context.style(.header)
    table.styles.row = context.style(.text)
    table.styles.cursor = context.theme[.selection]
    table.render(into: terminal, in: parts[0], dataSource: ArrayTableSource(cells: cells))
    drawProgress(context, rows: rows, in: parts[0], columns: columns, progressColumn: showDataset ? 4 : 3)
    if parts[1].height > 0, let row = selected { drawSummary(row, context, format: format, in: parts[1]) }
  }

  private static func columns(width: Int, showDataset: Bool) -> [TableColumn] {
    var fixed = [TableColumn("ID", width: 5, alignment: .trailing), TableColumn("Kind", width: 10)]
    if showDataset { fixed.append(TableColumn("Dataset", width: 14)) }
    fixed.append(TableColumn("State", width: 10))
    let tail = [TableColumn("Tries", width: 5), TableColumn("By", width: 10)]
    let used = 2 + (fixed + tail).reduce(0) { $0 + $1.width } + fixed.count + tail.count + 1
    let free = max(26, width - used)
    let progress = max(14, min(34, free * 3 / 5))
    return fixed + [TableColumn("Progress", width: progress)] + tail + [
      TableColumn("Error", width: max(5, free - progress))
    ]
  }

  /// Progress bars over the blank Progress cells of the visible rows.
  private func drawProgress(
    _ context: RenderContext, rows: [JobRow], in rect: Rect, columns: [TableColumn], progressColumn: Int
  ) {
    let x = rect.x + 2 + columns.prefix(progressColumn).reduce(0) { $0 + $1.width + 1 }
    let width = min(columns[progressColumn].width, rect.maxX - x)
    guard width > 0 else { return }
    for index in table.scrollOffset..<min(rows.count, table.scrollOffset + table.pageSize) {
      let job = rows[index].job
      guard job.progressTotal > 0 || job.state == .running || job.state == .succeeded else { continue }
      var bar = ProgressBar(
        fraction: job.state == .succeeded ? 1 : Double(job.progressDone) / Double(max(1, job.progressTotal)),
        detail: job.state == .running ? Self.rateText(job, context.format) : "")
      let base = index == table.cursor ? context.theme[.selection] : context.style(.text)
      bar.styles.text = base
      bar.styles.filled = job.state == .failed ? context.style(.error) : context.style(.success)
      bar.styles.empty = base.adding(.dim)
      bar.render(
        into: context.terminal, in: Rect(x: x, y: rect.y + 1 + index - table.scrollOffset, width: width, height: 1))
    }
  }

  /// `1,200/s, 0:42 left` for a running job with a known rate.
  static func rateText(_ job: Job, _ format: TUIFormat) -> String {
    guard job.rate > 0 else { return "" }
    let left = Double(max(0, job.progressTotal - job.progressDone)) / job.rate
    return "\(format.count(Int(job.rate.rounded())))/s, \(format.duration(seconds: left)) left"
  }

  private func drawSummary(_ row: JobRow, _ context: RenderContext, format: TUIFormat, in rect: Rect) {
    let terminal = context.terminal
    let job = row.job
    terminal.put(
      text: String(repeating: terminal.glyphs.horizontal, count: rect.width), in: rect.row(0),
      style: context.style(.border))
    let inner = rect.inset(top: 1).inset(left: 2, right: 2)
    var progress = "\(format.count(Int(job.progressDone)))/\(format.count(Int(job.progressTotal))) items"
    let rate = Self.rateText(job, format)
    if !rate.isEmpty { progress += ", " + rate }
    let versions =
      "v\(row.inputVersionNumber.map(String.init) ?? "?")"
      + (row.resultVersionNumber.map { " → v\($0)" } ?? "")
    let lines: [(String, ThemeRole)] = [
      (
        "Job \(job.id ?? 0): \(job.kind.rawValue) of \(SafeText.line(row.datasetName)) (\(versions)), queued by \(SafeText.line(row.queuedByLogin)) \(format.dateTime(job.createdAt))",
        .text
      ),
      ("\(job.state.rawValue) · \(progress) · attempt \(job.attempt) of \(job.maxAttempts)", .muted),
      (job.error.map { "Error: " + SafeText.line($0) } ?? "", .error),
    ]
    for (index, (text, role)) in lines.enumerated() where index < inner.height && !text.isEmpty {
      terminal.put(text: text, in: inner.row(index), style: context.style(role))
    }
  }
}
