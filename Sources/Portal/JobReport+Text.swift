import Foundation
import PortalCore

// MARK: - The report as lines of text (`portal jobs show`, the TUI's job detail)

extension JobReport {
  /// The lineage and report as plain lines, already sanitised for a terminal.
  public func textLines() -> [String] {
    var lines = ["Lineage"]
    let source = lineage.sourceVersion.map { "version \($0)" } ?? "?"
    let result = lineage.resultVersion.map { "version \($0)" } ?? "no version published"
    lines.append("  \(source) → \(result), by job \(lineage.jobID) (\(lineage.kind))")
    lines.append("  parameters \(SafeText.line(lineage.parameters.compactText))")
    guard available else {
      lines.append("")
      lines.append("No report: the job has not produced a version (yet).")
      return lines
    }
    if !steps.isEmpty {
      lines.append("")
      lines.append("Steps")
      let header = ["STEP", "IN", "OUT", "CHANGED", "REMOVED"]
      let rows = steps.map { [$0.step, "\($0.itemsIn)", "\($0.itemsOut)", "\($0.changed)", "\($0.removed)"] }
      let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
      for row in [header] + rows {
        let cells = row.enumerated().map { column, cell in
          column == 0
            ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            : String(repeating: " ", count: widths[column] - cell.count) + cell
        }
        lines.append("  " + SafeText.line(cells.joined(separator: "  ")))
      }
    }
    if let pii, !pii.isEmpty {
      lines.append("")
      lines.append("PII redacted  " + Self.list(pii))
    }
    for step in steps {
      var details: [String] = []
      if !step.dropsByRule.isEmpty { details.append("dropped by rule: " + Self.list(step.dropsByRule)) }
      let findings = step.findings.filter { step.step != "pii" || pii == nil || $0.key == "duplicate_groups" }
      if !findings.isEmpty { details.append("found: " + Self.list(findings)) }
      for cluster in step.clusters.prefix(10) {
        details.append("kept #\(cluster.kept), removed " + cluster.removed.map { "#\($0)" }.joined(separator: ", "))
      }
      if step.clusters.count > 10 { details.append("… \(step.clusters.count - 10) more clusters (see --json)") }
      for example in step.examples {
        details.append("e.g. #\(example.id) [\(example.label)] \(example.snippet)")
      }
      guard !details.isEmpty else { continue }
      lines.append("")
      lines.append(step.step)
      lines += details.map { "  " + SafeText.line($0) }
    }
    if !facts.isEmpty {
      lines.append("")
      lines.append("Figures")
      for key in facts.keys.sorted() {
        let value: String
        switch facts[key] {
        case .string(let text): value = text
        case .some(let other): value = other.compactText
        case .none: value = ""
        }
        lines.append("  " + SafeText.line("\(key.replacingOccurrences(of: "_", with: " ")): \(value)"))
      }
    }
    if problemCount > 0 {
      lines.append("")
      lines.append("\(problemCount) input(s) could not be used")
      lines += problems.map { "  " + SafeText.line($0) }
    }
    return lines
  }

  /// "EMAIL 3, PHONE 1", largest first.
  static func list(_ counts: [String: Int]) -> String {
    counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
  }
}
