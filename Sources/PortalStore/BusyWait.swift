import Foundation
import GRDB

/// How a connection waits for another process's write lock. SQLite's own busy timeout
/// sleeps in growing steps of up to 100 ms, so under eight writers a waiting process
/// often sleeps long after the lock was released; polling every 1–3 ms (jittered, so
/// waiters do not wake in lockstep) hands the lock over within a few milliseconds.
enum BusyWait {
  /// Gives up after this long: a writer holding the lock longer is stuck, not busy.
  static let limit: TimeInterval = 10
  /// The shortest and longest pause between two tries, in microseconds.
  static let pause: ClosedRange<UInt32> = 1_000...3_000

  /// The callback for `Configuration.busyMode`: pause and try again until `limit`.
  static let callback: Database.BusyCallback = { tries in
    // Each try pauses 2 ms on average, so the number of tries measures the time waited.
    guard Double(tries) * 0.002 < limit else { return false }
    usleep(UInt32.random(in: pause))
    return true
  }
}
