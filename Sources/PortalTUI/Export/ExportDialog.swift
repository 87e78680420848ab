import Foundation
import Portal
import PortalCore
import TerminalKit

/// `x`: export a dataset as a bundle. Target directory (Tab completes directory
/// names), format, private terms, force; runs in the background with a progress bar
/// (fraction, bytes, rate) and Esc to cancel. Refusals (no download permission, a
/// failing publication checklist with its items) stay in the dialog.
final class ExportDialog: Overlay {
  enum Phase {
    case editing
    case running(ExportProgress?)
    case cancelling
  }

  private let dataset: Dataset
  private var form: FormFields
  private(set) var phase = Phase.editing
  private var message: (String, ThemeRole)?
  private var candidates: [String] = []
  private var cancellation: ExportCancellation?
  private var started = Date()

  init(dataset: Dataset, directory: String? = nil) {
    self.dataset = dataset
    let target = directory ?? FileManager.default.currentDirectoryPath + "/\(dataset.slug)-bundle"
    form = FormFields(rows: [
      .init(label: "Directory", control: .text(TextField(text: target, placeholder: "where to write the bundle"))),
      .init(label: "Format", control: .select(SelectField(options: ExportFormat.allCases.map(\.rawValue)))),
      .init(label: "", control: .check(Checkbox(label: "under the partner's private terms (not a public bundle)"))),
      .init(label: "", control: .check(Checkbox(label: "replace an existing bundle in that directory"))),
    ])
  }

  var capturesText: Bool { if case .editing = phase { form.focusIsText } else { false } }

  /// Seconds since the start, fixed (snapshot tests of the running dialog).
  private var fixedElapsed: Double?

  /// Shows progress as if an export had run for `elapsed` seconds (snapshot tests).
  func showProgress(_ progress: ExportProgress, elapsed: Double) {
    phase = .running(progress)
    fixedElapsed = elapsed
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch phase {
    case .running:
      if event == .key(.escape) {
        cancellation?.cancel()
        phase = .cancelling
      }
      return true
    case .cancelling:
      return true
    case .editing:
      switch event {
      case .key(.escape): return false
      case .key(.enter): start(app: app)
      case .key(.tab) where form.focus == 0:
        let completion = PathCompletion.complete(form.text(0))
        if completion.text != form.text(0) || !completion.candidates.isEmpty {
          form.setText(0, completion.text)
          candidates = completion.candidates
        } else {
          candidates = []
          _ = form.handle(event)
        }
      default:
        if form.handle(event) {
          message = nil
          if form.focus == 0 { candidates = [] }
        }
      }
      return true
    }
  }

  private func start(app: App) {
    let raw = form.text(0).trimmingCharacters(in: .whitespaces)
    guard !raw.isEmpty else {
      message = ("Choose a directory to write the bundle to (Tab completes names).", .warning)
      form.focus = 0
      return
    }
    let directory = raw.hasPrefix("~") ? NSHomeDirectory() + raw.dropFirst() : raw
    let cancellation = ExportCancellation()
    self.cancellation = cancellation
    let options = ExportOptions(
      format: ExportFormat.allCases[form.selected(1)], privateTerms: form.isChecked(2), force: form.isChecked(3),
      cancellation: cancellation)
    let session = app.session
    let slug = dataset.slug
    phase = .running(nil)
    message = nil
    started = Date()
    app.submit(
      longRunning: true,
      progress: { [weak self] (progress: ExportProgress) in
        if case .running = self?.phase { self?.phase = .running(progress) }
      },
      { report in try session.exportDataset(slug, to: directory, options: options, progress: report) },
      then: { [weak self, weak app] result in
        guard let self, let app else { return }
        let wasCancelled = cancellation.isCancelled
        self.phase = .editing
        switch result {
        case .success(let report):
          if app.overlay === self { app.dismissOverlay() }
          app.toast(
            "Exported \(report.datasetName) v\(report.version): \(report.fileCount) files to \(report.directory)",
            kind: .success, seconds: 8)
        case .failure(let error):
          self.message =
            wasCancelled
            ? ("Export cancelled; nothing was left in \(directory).", .warning) : (describe(error), .error)
          if app.overlay !== self { app.toast("Export failed: \(describe(error))", kind: .error, seconds: 10) }
        }
      })
  }

  func render(_ context: RenderContext, in rect: Rect) {
    guard
      let inner = DialogFrame.draw(
        context, in: rect, width: 90, height: 16, title: "Export \(SafeText.line(dataset.name))")
    else { return }
    let terminal = context.terminal
    let editing: Bool = if case .editing = phase { true } else { false }
    var y = form.render(context, in: inner, labelWidth: 10, active: editing) + 1
    if editing, !candidates.isEmpty {
      terminal.put(
        text: candidates.prefix(8).joined(separator: "  "), in: inner.row(y - inner.y), style: context.style(.muted))
      y += 1
    }
    switch phase {
    case .editing:
      if let message { DialogFrame.paragraph(message.0, message.1, context, in: inner, from: y) }
      terminal.put(
        text: "Tab completes/next · ←/→ format · Space toggles · Enter export · Esc close",
        in: inner.row(inner.height - 1), style: context.style(.muted))
    case .running(let progress):
      renderProgress(progress, context, in: Rect(x: inner.x, y: y, width: inner.width, height: 2))
      terminal.put(
        text: "Esc cancels (the partial bundle is removed).", in: inner.row(inner.height - 1),
        style: context.style(.muted))
    case .cancelling:
      terminal.put(text: "Cancelling…", in: inner.row(y - inner.y), style: context.style(.warning))
    }
  }

  private func renderProgress(_ progress: ExportProgress?, _ context: RenderContext, in rect: Rect) {
    let format = context.format
    var bar = ProgressBar(fraction: progress?.fraction ?? 0, label: progress?.phase.rawValue ?? "starting")
    if let progress {
      let seconds = max(0.001, fixedElapsed ?? format.now().timeIntervalSince(started))
      let rate = format.bytes(Int64(Double(progress.bytesDone) / seconds)) + "/s"
      bar.detail =
        "\(format.bytes(progress.bytesDone))/\(format.bytes(progress.bytesTotal))  \(rate)  \(progress.filesDone)/\(progress.filesTotal) files"
    }
    bar.styles.filled = context.style(.success)
    bar.styles.empty = context.style(.muted)
    bar.styles.text = context.style(.text)
    bar.render(into: context.terminal, in: rect.row(0))
    if let file = progress?.currentFile {
      context.terminal.put(text: SafeText.line(file), in: rect.row(1), style: context.style(.muted))
    }
  }
}
