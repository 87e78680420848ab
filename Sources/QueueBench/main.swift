import Foundation
import Portal
import PortalCore
import PortalStore
import PortalTesting

// The job-queue benchmark (run by scripts/bench-queue): enqueue N empty jobs through
// the catalog, then claim and complete them with W real `portal worker` processes.
// Usage: QueueBench JOBS WORKERS PORTAL_BINARY  (the catalog goes in $TMPDIR)

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[1]), let workers = Int(arguments[2]) else {
  FileHandle.standardError.write(Data("usage: QueueBench JOBS WORKERS PORTAL_BINARY\n".utf8))
  exit(2)
}
let portal = arguments[3]
let fixture = try QueueFixture("bench-queue")
defer { fixture.remove() }

// Enqueue: one transaction per 1,000 jobs (each job with its audit event), as a script
// queueing many jobs would; and one transaction per job, as people do.
var started = Date()
for _ in 0..<(count / 1000) { try fixture.enqueue(.testNoop, count: 1000) }
try fixture.enqueue(.testNoop, count: count % 1000)
let batched = Double(count) / Date().timeIntervalSince(started)
started = Date()
let singles = 200
for _ in 0..<singles { try fixture.enqueue(.testNoop) }
let single = Double(singles) / Date().timeIntervalSince(started)

// Claim and complete with real worker processes.
setenv("PORTAL_BIN", portal, 1)
started = Date()
let running = try (0..<workers).map { _ in try fixture.startWorker(["--once", "--quiet", "--stats"]) }
let results = running.map { $0.wait() }
let seconds = Date().timeIntervalSince(started)
let total = count + singles
var p99 = 0.0
var p50 = 0.0
for result in results {
  guard result.status == 0, let line = result.stdout.split(separator: "\n").first(where: { $0.hasPrefix("stats ") }),
    let stats = try? JSONDecoder().decode(WorkerStats.self, from: Data(line.dropFirst(6).utf8))
  else {
    FileHandle.standardError.write(Data("a worker failed: \(result.stderr)\n".utf8))
    exit(1)
  }
  p99 = max(p99, stats.claimP99Millis)
  p50 = max(p50, stats.claimP50Millis)
}
let done = try fixture.catalog.jobCounts()[.succeeded, default: 0]
let problems = results.map(\.stderr).joined()
print(
  String(
    format:
      "workers=%d jobs=%d enqueue_batched_per_s=%.0f enqueue_single_per_s=%.0f claim_complete_per_s=%.0f claim_p50_ms=%.2f claim_p99_ms=%.2f succeeded=%d integrity=%@ errors=%d",
    workers, total, batched, single, Double(total) / seconds, p50, p99, done, try fixture.catalog.integrityCheck(),
    problems.isEmpty ? 0 : problems.split(separator: "\n").count))
exit(done == total && problems.isEmpty ? 0 : 1)
