import Foundation
import PortalCore
import PortalStore

// Test-only job kinds for the queue scenarios (reliability.md 1–7). No front end can
// queue them, and a worker claims them only when its process allows test jobs (the
// PORTAL_ENABLE_TEST_JOBS variable together with the catalog flag only the test
// harness sets). They live here, apart from the real handlers.

/// Parameters the test kinds understand.
struct TestJobParameters: Codable, Sendable {
  /// test-noop: append "<job> <pid> <attempt>" to this file (to prove who ran what);
  /// test-items: append "<job> <item>" for every item processed (to count re-done work).
  var log: String?
  /// test-sleep: how long to run, checking for a stop every 20 ms.
  var seconds: Double?
  /// test-items: how many items to write, a checkpoint every `every`, `delayMillis` each.
  var items: Int?
  var every: Int?
  var delayMillis: Int?
}

/// Finishes at once (for the claim race and the benchmark).
struct NoopJobHandler: JobHandler {
  func run(_ context: JobContext) throws -> JobResult {
    let parameters = try context.parameters(TestJobParameters.self)
    if let log = parameters.log { try appendLine("\(context.jobID) \(getpid()) \(context.job.attempt)", to: log) }
    return JobResult(summary: "nothing to do")
  }
}

/// Appends one line with a single write(2) on an O_APPEND descriptor, so lines from
/// several processes never interleave.
func appendLine(_ line: String, to path: String) throws {
  let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
  guard fd >= 0 else { throw JobFailure("cannot open \(path)") }
  defer { close(fd) }
  let bytes = Array((line + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
}

/// Runs for a while, observing stops (for cancellation and stalled-worker scenarios).
struct SleepJobHandler: JobHandler {
  func run(_ context: JobContext) throws -> JobResult {
    let seconds = try context.parameters(TestJobParameters.self).seconds ?? 1
    let started = Date()
    while Date().timeIntervalSince(started) < seconds {
      try context.checkStop()
      context.setProgress(done: Int64(Date().timeIntervalSince(started) * 1000), total: Int64(seconds * 1000))
      Thread.sleep(forTimeInterval: 0.02)
    }
    return JobResult(summary: "slept \(seconds)s")
  }
}

/// Kills its own worker process, every time (the poison job).
struct CrashJobHandler: JobHandler {
  func run(_ context: JobContext) throws -> JobResult {
    kill(getpid(), SIGKILL)
    Thread.sleep(forTimeInterval: 10)
    throw JobFailure("the process survived SIGKILL")
  }
}

/// Writes numbered items into a new version with checkpoints, one JSONL part file per
/// checkpoint interval (for the SIGKILL loop and resume scenarios: every item must be
/// in the output exactly once however often the worker dies).
struct ItemsJobHandler: JobHandler {
  struct Checkpoint: Codable {
    var versionID: Int64
    var next: Int
  }

  func run(_ context: JobContext) throws -> JobResult {
    let parameters = try context.parameters(TestJobParameters.self)
    let total = parameters.items ?? 10
    let every = max(1, parameters.every ?? 5)
    let saved = context.savedCheckpoint(Checkpoint.self)
    let (staging, resumed) = try context.stagingVersion(origin: .clean, resuming: saved?.versionID)
    var next = resumed ? saved?.next ?? 0 : 0
    let files = OutputFiles(context)
    while next < total {
      try context.checkStop()
      let end = min(total, next + every)
      var data = Data()
      var samples: [(sample: Sample, sourceSampleID: Int64?)] = []
      for item in next..<end {
        if let delay = parameters.delayMillis { Thread.sleep(forTimeInterval: Double(delay) / 1000) }
        if let log = parameters.log { try appendLine("\(context.jobID) \(item)", to: log) }
        let line = Data("{\"text\":\"item \(item)\"}\n".utf8)
        samples.append(
          (
            Sample(
              versionID: 0, ordinal: item, fileID: 0, offset: Int64(data.count), length: Int64(line.count),
              mediaType: .jsonl, sha256: OutputFiles.sha256(line), excerpt: "item \(item)"), nil
          ))
        data.append(line)
      }
      let file = try files.write(data, as: "part-\(next).jsonl", mediaType: .jsonl)
      try context.checkStop()
      try context.append(
        JobOutputBatch(files: [.init(file: file, samples: samples)]), to: staging,
        checkpoint: Checkpoint(versionID: staging.versionID, next: end), done: Int64(end), total: Int64(total))
      next = end
    }
    return JobResult(staging: staging, report: "{\"items\":\(total)}", summary: "wrote \(total) items")
  }
}
