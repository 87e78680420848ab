import Foundation

/// Records how long each write transaction took — waiting for the write lock included,
/// which is what a person waits for — when `PORTAL_WRITE_TIMINGS` names a file. The
/// contention benchmark reads these in-process figures: a CLI call's wall time is mostly
/// process start on a loaded machine, not the write.
struct WriteTimings: Sendable {
  /// The file descriptor lines are appended to, or nil when timing is off.
  private let descriptor: Int32?

  /// The process-wide recorder, from the environment.
  static let shared = WriteTimings(path: ProcessInfo.processInfo.environment["PORTAL_WRITE_TIMINGS"])

  init(path: String?) {
    guard let path, !path.isEmpty else {
      descriptor = nil
      return
    }
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    descriptor = fd >= 0 ? fd : nil
  }

  /// Whether timings are being recorded.
  var isOn: Bool { descriptor != nil }

  /// When a write got the lock and when its body finished (the rest is the commit).
  struct Marks: Sendable {
    var locked: ContinuousClock.Instant?
    var bodyDone: ContinuousClock.Instant?
  }

  /// Appends one line, "total-µs wait-µs body-µs caller": the whole transaction, the
  /// time spent waiting for the write lock, and the time in the body (the remainder is
  /// the commit: WAL sync and any automatic checkpoint). One `write` of a short line
  /// under O_APPEND, so lines from several processes never interleave.
  func record(since start: ContinuousClock.Instant, _ marks: Marks, caller: StaticString) {
    guard let descriptor else { return }
    let end = ContinuousClock.now
    let locked = marks.locked ?? end
    let line = Array(
      "\(Self.micros(end - start)) \(Self.micros(locked - start)) \(Self.micros((marks.bodyDone ?? end) - locked)) \(caller)\n"
        .utf8)
    _ = line.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
  }

  private static func micros(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
  }
}
