import Foundation
import PortalWorker

/// A worker running on a background thread of this process (the TUI's): it never
/// touches the terminal; it reports job events through `events` (and the callback
/// given when it started), which the UI loop turns into toasts.
public final class EmbeddedWorker: Sendable {
  private let worker: Worker
  private let finished = DispatchSemaphore(value: 0)
  /// Job events in order; ends when the worker stops.
  public let events: AsyncStream<JobEvent>
  private let continuation: AsyncStream<JobEvent>.Continuation

  init(makeWorker: (@escaping @Sendable (JobEvent) -> Void) -> Worker, onEvent: @escaping @Sendable (JobEvent) -> Void)
  {
    let (stream, continuation) = AsyncStream<JobEvent>.makeStream(bufferingPolicy: .bufferingNewest(256))
    events = stream
    self.continuation = continuation
    worker = makeWorker { event in
      continuation.yield(event)
      onEvent(event)
    }
    let thread = Thread { [worker, finished, continuation] in
      worker.run()
      continuation.finish()
      finished.signal()
    }
    thread.name = "portal-embedded-worker"
    thread.start()
  }

  /// Stops the worker: a running job is handed back to the queue at its next item (its
  /// checkpoint kept). Returns whether it stopped within `seconds`.
  @discardableResult
  public func stop(waitingUpTo seconds: TimeInterval = 10) -> Bool {
    worker.stop()
    let stopped = finished.wait(timeout: .now() + seconds) == .success
    if stopped { finished.signal() }  // a second stop() returns at once
    return stopped
  }
}
