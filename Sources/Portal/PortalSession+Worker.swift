import Foundation
import PortalCore
import PortalStore
import PortalWorker

// MARK: - Running jobs: the standalone and the embedded worker

extension PortalSession {
  /// Runs a worker in this thread until `stop` is called or, with `options.once`,
  /// until nothing is left to run (`portal worker`). Jobs were authorised when they
  /// were queued; any user of the catalog may lend a machine to run them.
  @discardableResult
  public func runWorker(
    options: WorkerOptions, onEvent: @escaping @Sendable (JobEvent) -> Void = { _ in },
    started: @Sendable (@escaping @Sendable () -> Void) -> Void = { _ in }
  ) -> WorkerStats {
    let worker = makeWorker(options: options, onEvent: onEvent)
    started { worker.stop() }
    worker.run()
    return worker.stats()
  }

  /// Starts a worker on a background thread of this process (the TUI does this at
  /// start-up; at most `options.concurrency` jobs at once, one by default).
  public func startEmbeddedWorker(
    options: WorkerOptions = WorkerOptions(), onEvent: @escaping @Sendable (JobEvent) -> Void = { _ in }
  ) -> EmbeddedWorker {
    EmbeddedWorker(makeWorker: { sink in self.makeWorker(options: options, onEvent: sink) }, onEvent: onEvent)
  }

  private func makeWorker(options: WorkerOptions, onEvent: @escaping @Sendable (JobEvent) -> Void) -> Worker {
    var options = options
    options.allowTestJobs = JobHandlers.testJobsAllowed(catalog: catalog)
    options.operatedBy = "\(actor.login)@\(ProcessInfo.processInfo.hostName) pid \(getpid())"
    let logger = self.logger
    return Worker(
      catalog: catalog, options: options, handlers: JobHandlers.standard(cleaning: Self.cleaningFactory),
      onEvent: { event in
        // Outcomes only: a line per start doubles the log for nothing.
        if event.kind != .started {
          logger.info(
            "job \(event.kind.rawValue)",
            metadata: ["job": "\(event.jobID ?? 0)", "kind": "\(event.jobKind?.rawValue ?? "-")"])
        }
        onEvent(event)
      })
  }
}
