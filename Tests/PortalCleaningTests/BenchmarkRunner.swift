import Foundation
import PortalCleaning
import Testing

/// Drives `scripts/bench-clean`: skipped unless `PORTAL_BENCH_INPUT` names a JSONL file
/// (`{"id": …, "text": …}` a line). The package may not grow an executable target, and a
/// test in a release-built test bundle is the least machinery that runs our code at full
/// speed on the same corpus as datatrove. `PORTAL_BENCH_MODE` picks what runs:
/// `pipeline` (normalize, pii, quality, as datatrove's Reader → PII → Gopher → Writer),
/// `pii` (redaction only, for precision and recall) or `near-dedup`. Survivors go to
/// `PORTAL_BENCH_OUTPUT` as JSONL; one JSON line of figures goes to standard output.
@Suite struct BenchmarkRunner {
  static let environment = ProcessInfo.processInfo.environment

  @Test(.enabled(if: environment["PORTAL_BENCH_INPUT"] != nil))
  func runBenchmarkFromEnvironment() throws {
    let input = try #require(Self.environment["PORTAL_BENCH_INPUT"])
    let mode = Self.environment["PORTAL_BENCH_MODE"] ?? "pipeline"
    let output = Self.environment["PORTAL_BENCH_OUTPUT"] ?? "/dev/null"
    let started = Date()
    let data = try Data(contentsOf: URL(fileURLWithPath: input))
    var documents: [Document] = []
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
      let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
      let id = try #require(object["id"] as? Int)
      documents.append(Document(id: id, text: try #require(object["text"] as? String)))
    }
    let parsed = Date()
    let kinds: [StepKind] =
      switch mode {
      case "pii": [.pii]
      case "near-dedup": [.nearDedup]
      default: [.normalize, .pii, .quality]
      }
    var pipeline = try Pipeline(kinds: kinds)
    var survivors: [Document] = []
    for document in documents {
      if let kept = pipeline.process(document) { survivors.append(kept) }
    }
    let outcome = pipeline.finish()
    let processed = Date()
    var out = Data()
    for document in survivors where !outcome.idsToDrop.contains(document.id) {
      out.append(try JSONSerialization.data(withJSONObject: ["id": document.id, "text": document.text]))
      out.append(UInt8(ascii: "\n"))
    }
    try out.write(to: URL(fileURLWithPath: output))
    let finished = Date()
    let figures: [String: Any] = [
      "mode": mode, "documents": documents.count, "bytes": data.count,
      "seconds_total": finished.timeIntervalSince(started),
      "seconds_steps": processed.timeIntervalSince(parsed),
      "removed_near_dup": Array(outcome.idsToDrop).sorted(),
      "drops": outcome.report.steps.map { ["step": $0.step, "rules": $0.dropsByRule, "findings": $0.findings] },
    ]
    let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print("BENCH " + String(decoding: json, as: UTF8.self))
  }
}
