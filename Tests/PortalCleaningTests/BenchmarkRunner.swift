import Foundation
import PortalCleaning
import Testing

/// Drives `scripts/bench-clean`: skipped unless `PORTAL_BENCH_INPUT` names a JSONL file
/// (`{"id": …, "text": …}` a line). The package may not grow an executable target, and a
/// test in a release-built test bundle is the least machinery that runs our code at full
/// speed on the same corpus as datatrove. `PORTAL_BENCH_MODE` picks what runs:
/// `pipeline` (normalize, pii, quality, as datatrove's Reader → PII → Gopher → Writer),
/// `pii` (redaction only, for precision and recall) or `near-dedup`; `PORTAL_BENCH_STEPS`
/// (a `--steps` list) overrides it, to time one step alone. Survivors go to
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
    let explicit = try Self.environment["PORTAL_BENCH_STEPS"].map { try StepKind.parse($0) }
    let defaults: [StepKind] =
      switch mode {
      case "pii": [.pii]
      case "near-dedup": [.nearDedup]
      default: [.normalize, .pii, .quality]
      }
    var pipeline = try Pipeline(kinds: explicit ?? defaults)
    let built = Date()
    // Stream as a worker would: parse a line, clean it, write it; only survivors' ids are
    // kept for near-dedup's second phase. `stepSeconds` times the pipeline calls alone.
    var stepSeconds = 0.0
    var documents = 0
    var survivors: [(id: Int, offset: Int, length: Int)] = []
    var out = Data()
    for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
      let object = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
      let document = Document(id: try #require(object["id"] as? Int), text: try #require(object["text"] as? String))
      documents += 1
      let before = DispatchTime.now().uptimeNanoseconds
      let kept = pipeline.process(document)
      stepSeconds += Double(DispatchTime.now().uptimeNanoseconds - before) / 1e9
      guard let kept else { continue }
      let record = try JSONSerialization.data(withJSONObject: ["id": kept.id, "text": kept.text])
      survivors.append((kept.id, out.count, record.count + 1))
      out.append(record)
      out.append(UInt8(ascii: "\n"))
    }
    let finishing = DispatchTime.now().uptimeNanoseconds
    let outcome = pipeline.finish()
    stepSeconds += Double(DispatchTime.now().uptimeNanoseconds - finishing) / 1e9
    var final = Data()
    for survivor in survivors where !outcome.idsToDrop.contains(survivor.id) {
      final.append(out[survivor.offset..<survivor.offset + survivor.length])
    }
    try final.write(to: URL(fileURLWithPath: output))
    let finished = Date()
    let figures: [String: Any] = [
      "mode": mode, "documents": documents, "bytes": data.count,
      "seconds_total": finished.timeIntervalSince(started),
      "seconds_steps": stepSeconds,
      "seconds_setup": built.timeIntervalSince(started),
      "removed_near_dup": Array(outcome.idsToDrop).sorted(),
      "drops": outcome.report.steps.map { ["step": $0.step, "rules": $0.dropsByRule, "findings": $0.findings] },
    ]
    let json = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print("BENCH " + String(decoding: json, as: UTF8.self))
  }
}
