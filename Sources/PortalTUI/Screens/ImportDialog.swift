import Foundation
import Portal
import TerminalKit

/// `i`: register a directory as a new dataset. Path (Tab completes directory names),
/// name and tags; the import runs in the background with a progress bar, rate and time
/// left; Esc hides the dialog while it runs (the status bar keeps the progress).
final class ImportDialog: Overlay {
  private enum Phase {
    case editing
    case running(ImportProgress?)
    case failed(String)
  }

  private weak var screen: DatasetsScreen?
  private var fields = [
    TextField(placeholder: "directory to import, e.g. ~/archive/press-2019"),
    TextField(placeholder: "a name for the dataset"),
    TextField(placeholder: "comma-separated, optional"),
  ]
  private var focus = 0
  private var phase = Phase.editing
  private var candidates: [String] = []
  private var message: String?

  init(screen: DatasetsScreen) { self.screen = screen }

  var capturesText: Bool { if case .editing = phase { true } else { false } }

  /// Shows `progress` as a running import of `path` named `name` would (goldens of the
  /// running dialog without timing a real import).
  func showRunning(path: String, name: String, progress: ImportProgress) {
    fields[0] = TextField(text: path, placeholder: fields[0].placeholder)
    fields[1] = TextField(text: name, placeholder: fields[1].placeholder)
    phase = .running(progress)
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch phase {
    case .running:
      // Esc hides the dialog; the import carries on and reports in the status bar.
      if event == .key(.escape) || event == .key(.enter) { return false }
      return true
    case .failed:
      if event == .key(.escape) { return false }
      if event == .key(.enter) { phase = .editing }
      return true
    case .editing:
      return handleEditing(event, app: app)
    }
  }

  private func handleEditing(_ event: InputEvent, app: App) -> Bool {
    switch event {
    case .key(.escape): return false
    case .key(.tab) where focus == 0:
      let completion = PathCompletion.complete(fields[0].text)
      fields[0].text = completion.text
      fields[0] = TextField(text: completion.text, placeholder: fields[0].placeholder)
      candidates = completion.candidates
      if fields[1].text.isEmpty, completion.candidates.isEmpty, !completion.text.isEmpty {
        let last = URL(fileURLWithPath: completion.text).lastPathComponent
        fields[1] = TextField(text: last, placeholder: fields[1].placeholder)
      }
    case .key(.down), .key(.tab): focus = min(2, focus + 1)
    case .key(.up), .key(.backTab): focus = max(0, focus - 1)
    case .key(.enter):
      if focus < 2 {
        focus += 1
      } else {
        start(app: app)
      }
    default:
      _ = fields[focus].handle(event)
      if focus == 0 { candidates = [] }
    }
    return true
  }

  private func start(app: App) {
    let rawPath = fields[0].text.trimmingCharacters(in: .whitespaces)
    let path = rawPath.hasPrefix("~") ? NSHomeDirectory() + rawPath.dropFirst() : rawPath
    let name = fields[1].text.trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty else {
      message = "Choose a directory first (Tab completes names)."
      focus = 0
      return
    }
    guard !name.isEmpty else {
      message = "Give the dataset a name."
      focus = 1
      return
    }
    let tags = fields[2].text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    let request = ImportRequest(paths: [path], name: name, tags: tags)
    let session = app.session
    phase = .running(nil)
    message = nil
    app.importStatus = "importing \(name)…"
    app.submit(
      longRunning: true,
      progress: { [weak self, weak app] (progress: ImportProgress) in
        if case .running = self?.phase { self?.phase = .running(progress) }
        let percent = progress.bytesTotal > 0 ? Int(100 * progress.bytesDone / max(1, progress.bytesTotal)) : 0
        app?.importStatus = "importing \(SafeText.line(name)) \(percent)%"
      },
      { report in try session.importDataset(request, progress: report) },
      then: { [weak self, weak app] result in
        guard let app else { return }
        app.importStatus = nil
        switch result {
        case .success(let report):
          app.toast(
            "Imported \(report.datasetName): \(report.samples) samples\(report.problems.isEmpty ? "" : ", \(report.problems.count) files skipped")",
            kind: .success, seconds: 6)
          self?.screen?.pendingSlug = report.datasetSlug
          self?.screen?.catalogDidChange(app: app)
          if app.overlay === self { app.dismissOverlay() }
        case .failure(let error):
          self?.phase = .failed("\(error)")
          if app.overlay !== self { app.toast("Import failed: \(error)", kind: .error, seconds: 10) }
        }
      })
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let width = min(rect.width - 2, 70)
    let box = Rect(
      x: rect.x + (rect.width - width) / 2, y: rect.y + max(0, (rect.height - 14) / 2), width: width,
      height: min(rect.height, 14))
    guard box.width > 20, box.height > 6 else { return }
    let terminal = context.terminal
    terminal.fill(box, style: context.style(.background))
    terminal.drawBox(
      box, style: context.style(.border), title: "Import a directory", titleStyle: context.style(.accent))
    let inner = box.inset(by: 1).inset(left: 1, right: 1)
    let labels = ["Path", "Name", "Tags"]
    for (index, label) in labels.enumerated() {
      let y = inner.y + index * 2
      terminal.put(
        text: label, in: Rect(x: inner.x, y: y, width: 6, height: 1),
        style: context.style(index == focus ? .accent : .muted))
      var field = fields[index]
      field.styles.field = context.style(.text).adding(.underline)
      field.styles.focused = context.style(.text).adding([.underline, .bold])
      field.styles.placeholder = context.style(.muted).adding(.underline)
      let editing: Bool = if case .editing = phase { index == focus } else { false }
      field.render(into: terminal, in: Rect(x: inner.x + 7, y: y, width: inner.width - 7, height: 1), focused: editing)
      fields[index] = field
    }
    let statusY = inner.y + 6
    let statusRect = Rect(x: inner.x, y: statusY, width: inner.width, height: max(0, inner.maxY - statusY))
    switch phase {
    case .editing:
      var lines: [(String, ThemeRole)] = []
      if !candidates.isEmpty { lines.append((candidates.prefix(8).joined(separator: "  "), .muted)) }
      if let message { lines.append((message, .warning)) }
      lines.append(("Tab completes · Enter next/start · Esc cancel", .muted))
      for (index, line) in lines.enumerated() where index < statusRect.height {
        terminal.put(text: line.0, in: statusRect.row(index), style: context.style(line.1))
      }
    case .running(let progress):
      var bar = ProgressBar(fraction: 0, label: progress?.phase.rawValue ?? "starting")
      if let progress {
        bar.fraction = progress.bytesTotal > 0 ? Double(progress.bytesDone) / Double(progress.bytesTotal) : 0
        let rate = context.format.bytes(Int64(progress.bytesPerSecond)) + "/s"
        let eta = progress.secondsRemaining.map { context.format.duration(seconds: $0) + " left" } ?? ""
        bar.detail = "\(rate)  \(eta)  \(progress.filesDone)/\(progress.filesTotal) files"
      }
      bar.styles.filled = context.style(.success)
      bar.styles.empty = context.style(.muted)
      bar.styles.text = context.style(.text)
      bar.render(into: terminal, in: statusRect.row(0))
      terminal.put(text: "Esc hides this; the import carries on.", in: statusRect.row(2), style: context.style(.muted))
    case .failed(let error):
      var row = 0
      for line in DisplayWidth.wrap(error, width: max(1, statusRect.width)) where row < statusRect.height - 1 {
        terminal.put(text: line, in: statusRect.row(row), style: context.style(.error))
        row += 1
      }
      terminal.put(text: "Enter edits · Esc closes", in: statusRect.row(row), style: context.style(.muted))
    }
  }
}
