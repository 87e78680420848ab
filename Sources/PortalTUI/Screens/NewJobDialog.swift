import Foundation
import Portal
import PortalCore
import TerminalKit

/// `n` on a dataset ("Queue cleaning job"): choose the kind — clean, PII scan, OCR,
/// transcription — and for a clean the steps, see a rough estimate, queue. A refusal
/// (a viewer may not queue, no text in the dataset) stays in the dialog as its sentence.
final class NewJobDialog: Overlay {
  private static let kinds: [(Job.Kind, String)] = [
    (.clean, "clean"), (.scan, "PII scan"), (.ocr, "OCR"), (.transcribe, "transcribe"),
  ]
  /// Rough samples per second of each step on one core, for the estimate only.
  static let rates: [String: Double] = [
    "normalize": 20_000, "pii": 4_000, "dedup": 30_000, "near-dedup": 2_500, "quality": 15_000, "lang": 10_000,
    "scan": 4_000, "ocr": 0.7, "transcribe": 0.3,
  ]

  private let summary: DatasetSummary
  private var kind = SelectField(options: NewJobDialog.kinds.map(\.1))
  private var steps = PortalSession.cleaningSteps.map {
    Checkbox(label: $0, isChecked: ["normalize", "pii", "dedup"].contains($0))
  }
  /// A clean's optional settings (empty keeps the default shown as placeholder).
  private var settings: [(label: String, field: TextField)] = [
    ("Min length (quality)", NewJobDialog.numberField(placeholder: "100")),
    ("Checkpoint every", NewJobDialog.numberField(placeholder: "500")),
    ("Max attempts", NewJobDialog.numberField(placeholder: "3")),
  ]
  private var focus = 0
  private var message: (String, ThemeRole)?
  private var queuing = false

  init(summary: DatasetSummary) { self.summary = summary }

  var capturesText: Bool { false }

  private var selectedKind: Job.Kind { Self.kinds[kind.selectedIndex].0 }
  private var focusCount: Int { selectedKind == .clean ? 1 + steps.count + settings.count : 1 }
  private var chosenSteps: [String] { steps.filter(\.isChecked).map(\.label) }
  private var chosenSettings: CleanSettings {
    let values = settings.map { Int($0.field.text) }
    return CleanSettings(minLength: values[0], checkpointEvery: values[1], maxAttempts: values[2])
  }

  private static func numberField(placeholder: String) -> TextField {
    var field = TextField(placeholder: placeholder, maxLength: 7)
    field.allowedCharacters = { $0.isASCII && $0.isNumber }
    return field
  }

  /// `about 0:03 for 1,234 samples` from the per-step rates.
  static func estimate(kind: Job.Kind, steps: [String], samples: Int, format: TUIFormat) -> String {
    let names = kind == .clean ? steps : [kind.rawValue]
    let seconds = names.reduce(0.0) { $0 + Double(samples) / (rates[$1] ?? 1_000) }
    return "Estimate: about \(format.duration(seconds: max(1, seconds))) for \(format.count(samples)) samples "
      + "(rough per-step rates; the real time depends on sample sizes and this machine)."
  }

  func handle(_ event: InputEvent, app: App) -> Bool {
    guard !queuing else { return event != .key(.escape) }
    switch event {
    case .key(.escape): return false
    case .key(.down), .key(.tab), .key(.character("j")): focus = (focus + 1) % focusCount
    case .key(.up), .key(.backTab), .key(.character("k")): focus = (focus - 1 + focusCount) % focusCount
    case .key(.enter): queue(app: app)
    default:
      if focus == 0 {
        _ = kind.handle(event)
      } else if steps.indices.contains(focus - 1) {
        _ = steps[focus - 1].handle(event)
      } else if settings.indices.contains(focus - 1 - steps.count) {
        _ = settings[focus - 1 - steps.count].field.handle(event)
      }
    }
    focus = min(focus, focusCount - 1)
    return true
  }

  private func queue(app: App) {
    let kind = selectedKind
    let steps = chosenSteps
    let settings = chosenSettings
    if kind == .clean && steps.isEmpty {
      message = ("Choose at least one step (Space ticks the step under the cursor).", .error)
      return
    }
    let session = app.session
    let slug = summary.dataset.slug
    queuing = true
    message = ("Queuing…", .muted)
    app.submit({ () throws -> ScanStart in
      switch kind {
      case .clean: .queued(try session.queueClean(slug, steps: steps, settings: settings))
      // A dataset without text is scanned at once over what the catalog knows of it.
      case .scan: try session.scan(slug)
      case .ocr: .queued(try session.queueOCR(slug))
      default: .queued(try session.queueTranscription(slug))
      }
    }) { [weak self, weak app] result in
      guard let self, let app else { return }
      self.queuing = false
      switch result {
      case .success(.queued(let row)):
        if app.overlay === self { app.dismissOverlay() }
        app.toast("queued \(kind.rawValue) of \(SafeText.line(slug)) (job \(row.job.id ?? 0))", kind: .success)
        app.catalogDidChange()
      case .success(.recorded(let scan)):
        if app.overlay === self { app.dismissOverlay() }
        let outcome = scan.findings == 0 ? "clean" : "\(scan.findings) findings"
        let coverage = scan.coverage.map { " — \(SafeText.line($0))" } ?? ""
        app.toast("scanned \(SafeText.line(slug)): \(outcome)\(coverage)", kind: scan.findings == 0 ? .success : .error)
        app.catalogDidChange()
      case .failure(let error):
        self.message = (SafeText.line("\(error)"), .error)
      }
    }
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let terminal = context.terminal
    let isClean = selectedKind == .clean
    let height = min(rect.height, 9 + (isClean ? steps.count + settings.count + 2 : 0))
    let box = rect.centered(Size(width: min(72, rect.width - 2), height: height))
    terminal.fill(box, style: context.style(.text))
    terminal.drawBox(
      box, style: context.style(.border), title: "Queue a job on \(SafeText.line(summary.dataset.name))",
      titleStyle: context.style(.accent).adding(.bold))
    let inner = box.inset(by: 1).inset(left: 1, right: 1)
    var y = inner.y
    let focusedStyle = context.theme[.selection].adding(.bold)
    terminal.put(text: "Kind", in: Rect(x: inner.x, y: y, width: 8, height: 1), style: context.style(.muted))
    var select = kind
    select.style = context.style(.text).adding(.underline)
    select.focusedStyle = focusedStyle
    select.render(
      into: terminal, in: Rect(x: inner.x + 8, y: y, width: min(24, inner.width - 8), height: 1), focused: focus == 0)
    y += 2
    if isClean {
      terminal.put(
        text: "Steps (Space ticks; run top to bottom, near-dedup after all others)", in: inner.row(y - inner.y),
        style: context.style(.muted))
      y += 1
      for (index, step) in steps.enumerated() where y < inner.maxY {
        var box = step
        box.style = context.style(.text)
        box.focusedStyle = focusedStyle
        box.render(
          into: terminal, in: Rect(x: inner.x + 2, y: y, width: inner.width - 2, height: 1), focused: focus == index + 1
        )
        y += 1
      }
      y += 1
      for (index, setting) in settings.enumerated() where y < inner.maxY {
        terminal.put(
          text: setting.label, in: Rect(x: inner.x, y: y, width: 22, height: 1), style: context.style(.muted))
        var field = setting.field
        field.styles.field = context.style(.text).adding(.underline)
        field.styles.focused = focusedStyle
        field.styles.placeholder = context.style(.muted).adding(.underline)
        field.render(
          into: terminal, in: Rect(x: inner.x + 22, y: y, width: 9, height: 1),
          focused: focus == 1 + steps.count + index)
        y += 1
      }
      y += 1
    }
    let estimate = Self.estimate(
      kind: selectedKind, steps: chosenSteps, samples: summary.sampleCount, format: context.format)
    for line in DisplayWidth.wrap(estimate, width: max(1, inner.width)) where y < inner.maxY - 1 {
      terminal.put(text: line, in: inner.row(y - inner.y), style: context.style(.muted))
      y += 1
    }
    if let (text, role) = message, y < inner.maxY {
      terminal.put(text: text, in: inner.row(y - inner.y), style: context.style(role))
    }
    terminal.put(
      text: "Enter queue · Esc cancel", in: inner.row(inner.height - 1), style: context.style(.accent),
      alignment: .trailing)
  }
}
