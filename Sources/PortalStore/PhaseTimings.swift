import Foundation
import Synchronization

/// Seconds spent per phase of an import, summed over threads, printed to stderr at the
/// end when `PORTAL_IMPORT_TIMINGS=1` (for `scripts/bench-import`). Off, it costs one
/// branch per call.
public enum PhaseTimings {
  /// Whether timings are collected in this process.
  public static let enabled = ProcessInfo.processInfo.environment["PORTAL_IMPORT_TIMINGS"] == "1"
  private static let totals = Mutex<[String: Double]>([:])

  /// Runs `body`, adding its wall time to `phase` when timings are on.
  @inline(__always) @discardableResult
  public static func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
    guard enabled else { return try body() }
    let start = DispatchTime.now().uptimeNanoseconds
    let cpu = threadCPU()
    defer {
      add(phase, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
      add(phase + " [thread cpu]", threadCPU() - cpu)
    }
    return try body()
  }

  /// This thread's CPU time in seconds: unlike wall time, not inflated by other load.
  public static func threadCPU() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  /// Adds `seconds` to `phase`.
  public static func add(_ phase: String, _ seconds: Double) {
    guard enabled else { return }
    totals.withLock { $0[phase, default: 0] += seconds }
  }

  /// One line per phase, sorted by name, or "" when timings are off.
  public static func summary() -> String {
    guard enabled else { return "" }
    return totals.withLock { $0 }.sorted { $0.key < $1.key }
      .map { String(format: "timing %-28@ %8.3f s", $0.key as NSString, $0.value) }.joined(separator: "\n")
  }
}
