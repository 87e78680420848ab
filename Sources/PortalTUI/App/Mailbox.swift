import Foundation
import Portal
import Synchronization

/// What background threads post to the UI loop; the loop is the only reader.
enum Delivery: Sendable {
  /// A submitted job finished (or failed).
  case result(ticket: Int, Result<any Sendable, any Error>)
  /// A submitted job was replaced by a newer one with the same key before it started.
  case superseded(ticket: Int)
  /// A running job reported progress.
  case progress(ticket: Int, any Sendable)
  /// The catalog changed (another process, or our own writes).
  case catalogChanged
  /// The embedded worker reported on a job (from its thread; shown by the UI loop).
  case jobEvent(JobEvent)
}

/// A thread-safe queue of deliveries with a wait for tests and idle loops.
final class Mailbox: Sendable {
  private let items = Mutex<[Delivery]>([])
  private let signal = DispatchSemaphore(value: 0)

  /// Posts from any thread.
  func post(_ delivery: Delivery) {
    items.withLock { $0.append(delivery) }
    signal.signal()
  }

  /// Takes everything posted so far.
  func drain() -> [Delivery] {
    items.withLock { items in
      defer { items.removeAll() }
      return items
    }
  }

  /// Waits until something is posted or `timeout` passes.
  func wait(timeout: TimeInterval) {
    _ = signal.wait(timeout: .now() + timeout)
  }
}
