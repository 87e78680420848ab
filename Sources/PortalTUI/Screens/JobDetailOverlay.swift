import Foundation
import Portal
import PortalCore
import TerminalKit

/// Enter on a job: everything about it in a scrollable box — state, attempts, versions,
/// times, its parameters (JSON, pretty-printed), its error in full, and the lineage and
/// report of the version it produced (per step counts, PII per type, examples).
final class JobDetailOverlay: Overlay {
  private let lines: [(String, ThemeRole)]
  private var scroll = 0
  private var pageHeight = 1
  private let title: String

  init(row: JobRow, report: JobReport?, format: TUIFormat) {
    let job = row.job
    title = "Job \(job.id ?? 0) — \(job.kind.rawValue) of \(SafeText.line(row.datasetSlug))"
    var lines: [(String, ThemeRole)] = [
      (
        "State       \(job.state.rawValue)\(job.cancelRequested && !job.state.isFinal ? " (cancel requested)" : "")",
        .text
      ),
      ("Attempts    \(job.attempt) of \(job.maxAttempts)", .text),
      ("Queued by   \(SafeText.line(row.queuedByLogin)) at \(format.dateTime(job.createdAt))", .text),
      ("Started     \(format.dateTime(job.startedAt))", .text),
      ("Finished    \(format.dateTime(job.finishedAt))", .text),
      ("Progress    \(format.count(Int(job.progressDone)))/\(format.count(Int(job.progressTotal))) items", .text),
      ("Input       v\(row.inputVersionNumber.map(String.init) ?? "?")", .text),
      ("Result      \(row.resultVersionNumber.map { "v\($0)" } ?? "-")", .text),
    ]
    if let error = job.error {
      lines.append(("", .text))
      lines.append(("Error", .accent))
      lines += SafeText.multiline(error).split(separator: "\n").map { (String($0), .error) }
    }
    lines.append(("", .text))
    lines.append(("Parameters", .accent))
    lines += Self.pretty(job.parameters).map { ($0, .text) }
    if let report {
      lines.append(("", .text))
      // Section titles start in the first column; their contents are indented.
      lines += report.textLines().map { line in
        (line, line.isEmpty || line.hasPrefix(" ") || line.hasPrefix("No report") ? .text : .accent)
      }
    }
    self.lines = lines
  }

  /// JSON pretty-printed with sorted keys (as it was if it is not JSON), sanitised.
  static func pretty(_ json: String) -> [String] {
    var text = json
    if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]),
      let data = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .fragmentsAllowed])
    {
      text = String(decoding: data, as: UTF8.self)
    }
    return SafeText.multiline(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  var capturesText: Bool { false }

  func handle(_ event: InputEvent, app: App) -> Bool {
    switch event {
    case .key(.escape), .key(.enter), .key(.character("q")): return false
    case .key(.down), .key(.character("j")): scroll += 1
    case .key(.up), .key(.character("k")): scroll -= 1
    case .key(.pageDown), .key(.character(" ")): scroll += pageHeight
    case .key(.pageUp): scroll -= pageHeight
    default: return true
    }
    scroll = max(0, min(scroll, max(0, lines.count - pageHeight)))
    return true
  }

  func render(_ context: RenderContext, in rect: Rect) {
    let box = rect.centered(Size(width: min(100, rect.width - 4), height: min(lines.count + 3, rect.height - 2)))
    context.terminal.fill(box, style: context.style(.text))
    context.terminal.drawBox(
      box, style: context.style(.border), title: title, titleStyle: context.style(.accent).adding(.bold))
    let inner = box.inset(by: 1).inset(left: 1, right: 1)
    pageHeight = max(1, inner.height - 1)
    for row in 0..<pageHeight {
      let index = scroll + row
      guard index < lines.count else { break }
      context.terminal.put(text: lines[index].0, in: inner.row(row), style: context.style(lines[index].1))
    }
    context.terminal.put(
      text: "j/k scroll · Esc close", in: inner.row(inner.height - 1), style: context.style(.muted),
      alignment: .trailing)
  }
}
