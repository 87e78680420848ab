import ArgumentParser
import Dispatch
import Foundation
import Portal
import Synchronization

/// `portal worker [--jobs N] [--once]`: runs queued jobs on this machine.
struct WorkerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "worker",
    abstract: "Run queued jobs on this machine (a station or a script); stop with Ctrl-C.",
    discussion: """
      Every portal session already runs one job at a time in the background; a standalone
      worker adds capacity. Several workers on one catalog never run the same job. On
      SIGINT or SIGTERM running jobs are handed back to the queue with their checkpoints.
      """)
  @OptionGroup var global: GlobalOptions
  @Option(help: "Jobs to run at the same time.") var jobs = 1
  @Flag(help: "Exit when nothing is left to run.") var once = false
  @Option(help: "Seconds a job's lease lasts without a heartbeat before another worker may take it over.")
  var lease: Double = 60
  @Option(help: "Seconds between heartbeats (default: a quarter of the lease).") var heartbeat: Double?
  @Option(help: "Seconds before the first retry of a failed job (doubling, with jitter).") var retryDelay: Double = 10
  @Option(help: "Seconds between rescues of stalled jobs.") var rescueEvery: Double = 5
  @Flag(help: "Print nothing but problems.") var quiet = false
  @Flag(help: "On exit, print a JSON line of claims and claim latency (p50/p99).") var stats = false

  func validate() throws {
    guard jobs >= 1 && jobs <= 64 else { throw ValidationError("--jobs must be between 1 and 64") }
    guard lease >= 0.2 else { throw ValidationError("--lease must be at least 0.2 seconds") }
  }

  func run() throws {
    let session = try global.session()
    let options = WorkerOptions(
      concurrency: jobs, leaseDuration: lease, heartbeatInterval: heartbeat, idlePoll: 1,
      rescueInterval: rescueEvery, once: once, retry: .init(baseDelay: retryDelay))
    let quiet = self.quiet
    let stopper = StopSignal()
    let sources = stopper.listen()
    defer { withExtendedLifetime(sources) {} }
    let summary = session.runWorker(
      options: options,
      onEvent: { event in
        guard !quiet || event.kind == .workerProblem else { return }
        let job = event.jobID.map { "job \($0) (\(event.jobKind?.rawValue ?? "?"))" } ?? "worker"
        let line = "\(job) \(event.kind.rawValue): \(SafeText.line(event.message))"
        if event.kind == .workerProblem {
          FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
          // Unbuffered, so a supervisor or a pipe sees each event as it happens.
          FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
      },
      started: { stop in stopper.install(stop) })
    if stats { print("stats " + JSONText.encode(summary)) }
  }
}

/// Turns SIGINT and SIGTERM into a graceful stop of the worker.
final class StopSignal: Sendable {
  private let stop = Mutex<(@Sendable () -> Void)?>(nil)

  /// Starts listening; keep the returned sources alive while the worker runs.
  func listen() -> [any DispatchSourceSignal] {
    [SIGINT, SIGTERM].map { number in
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { [self] in self.stop.withLock { $0 }?() }
      source.resume()
      return source
    }
  }

  /// Remembers how to stop the worker once it has started.
  func install(_ body: @escaping @Sendable () -> Void) { stop.withLock { $0 = body } }
}
