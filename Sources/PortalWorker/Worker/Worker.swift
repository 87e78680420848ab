import Foundation
import PortalCore
import PortalStore
import Synchronization

/// Claims jobs from the catalog's queue and runs them, `options.concurrency` at a time,
/// each on its own thread with a heartbeat. Embedded in a TUI process (on a background
/// thread that never touches the terminal) or run alone by `portal worker`. Several
/// workers on one catalog never run the same job at once: claims are one SQL statement.
public final class Worker: Sendable {
  let catalog: Catalog
  let options: WorkerOptions
  let handlers: [Job.Kind: any JobHandler]
  let onEvent: @Sendable (JobEvent) -> Void
  let host: String

  private struct State {
    var stopping = false
    var loopEnded = false
    var running: [Int64: JobContext] = [:]
    var claimDurations: [Double] = []
    var started = Date()
  }

  private let state = Mutex(State())
  /// Signalled when a job ends or the worker is told to stop, to cut an idle wait short.
  private let wake = DispatchSemaphore(value: 0)
  /// Signalled when the run loop ends, so the heartbeat thread ends promptly.
  private let beatWake = DispatchSemaphore(value: 0)

  /// Creates a worker over `catalog` with a handler per job kind it runs.
  public init(
    catalog: Catalog, options: WorkerOptions, handlers: [Job.Kind: any JobHandler],
    onEvent: @escaping @Sendable (JobEvent) -> Void = { _ in }
  ) {
    self.catalog = catalog
    self.options = options
    self.handlers = handlers
    self.onEvent = onEvent
    self.host = ProcessInfo.processInfo.hostName
  }

  /// The kinds this worker claims: those it has a handler for, test kinds only when allowed.
  public var kinds: [Job.Kind] {
    handlers.keys.filter { options.allowTestJobs || !$0.isTestOnly }.sorted { $0.rawValue < $1.rawValue }
  }

  /// Asks the worker to stop: running jobs go back to the queue at their next item.
  public func stop() {
    let running = state.withLock { state in
      state.stopping = true
      return Array(state.running.values)
    }
    for context in running { context.markShutdown() }
    wake.signal()
  }

  /// Claim latencies and totals so far.
  public func stats() -> WorkerStats {
    state.withLock { WorkerStats(durations: $0.claimDurations, seconds: Date().timeIntervalSince($0.started)) }
  }

  /// Runs until `stop()` (or, with `once`, until nothing is left to run), then waits
  /// for running jobs to end or be released.
  public func run() {
    state.withLock {
      $0.started = Date()
      $0.loopEnded = false
    }
    let beating = DispatchSemaphore(value: 0)
    let beat = Thread { [self] in
      heartbeat()
      beating.signal()
    }
    beat.name = "portal-worker-heartbeat"
    beat.start()
    defer {
      state.withLock { $0.loopEnded = true }
      beatWake.signal()
      beating.wait()
    }
    var lastRescue = Date.distantPast
    var idleDelay = 0.02
    var busy = false
    while !state.withLock({ $0.stopping }) {
      if Date().timeIntervalSince(lastRescue) >= options.rescueInterval {
        rescue()
        lastRescue = Date()
      }
      let free = state.withLock { options.concurrency - $0.running.count }
      if free > 0 {
        do {
          let looking = Date()
          if let job = try claimNext(lookFirst: !busy) {
            busy = true
            let took = Date().timeIntervalSince(looking)
            // Bounded: a long-running station worker keeps the latest 100,000.
            state.withLock { state in
              if state.claimDurations.count >= 100_000 { state.claimDurations.removeFirst(50_000) }
              state.claimDurations.append(took)
            }
            start(job.job, lease: job.lease)
            idleDelay = 0.02
            continue
          }
          busy = false
        } catch {
          report(JobEvent(kind: .workerProblem, message: "cannot claim a job: \(error)"))
        }
        // No job to run: advance the search index of imported sample text by one step.
        if indexContentStep() {
          idleDelay = 0.02
          continue
        }
        if options.once && state.withLock({ $0.running.isEmpty }) && !hasPendingWork() { break }
      }
      // Idle or full: wait for a job to end, backing off up to the poll interval.
      _ = wake.wait(timeout: .now() + idleDelay)
      idleDelay = min(options.idlePoll, idleDelay * 2)
    }
    while !state.withLock({ $0.running.isEmpty }) { _ = wake.wait(timeout: .now() + 0.05) }
  }

  // MARK: - Heartbeat

  /// One thread beats for every running job of this worker, each at its interval.
  private func heartbeat() {
    let tick = max(0.01, options.heartbeatInterval / 4)
    while !state.withLock({ $0.loopEnded }) {
      _ = beatWake.wait(timeout: .now() + tick)
      for context in state.withLock({ Array($0.running.values) }) { context.beatIfDue() }
    }
  }

  // MARK: - Claiming

  private func claimNext(lookFirst: Bool) throws -> (job: Job, lease: JobLease)? {
    let kinds = self.kinds
    // An idle worker reads before it writes, so polling never takes the write lock;
    // a busy one (its last claim succeeded) claims straight away.
    guard !kinds.isEmpty, try !lookFirst || catalog.hasClaimableJob(kinds: kinds) else { return nil }
    let token = JobLease.makeToken(host: host, pid: getpid())
    guard let job = try catalog.claimJob(kinds: kinds, token: token, leaseFor: options.leaseDuration),
      let id = job.id
    else { return nil }
    return (job, JobLease(jobID: id, token: token))
  }

  /// Whether anything this worker could run is still queued (now or later).
  /// One step of the content index (see `Catalog.indexPendingContent`) when any is
  /// pending; a read first, so an idle worker never takes the write lock for nothing.
  private func indexContentStep() -> Bool {
    do {
      guard try catalog.hasPendingContentIndex() else { return false }
      return try catalog.indexPendingContent() > 0
    } catch {
      report(JobEvent(kind: .workerProblem, message: "cannot index sample text for search: \(error)"))
      return false
    }
  }

  private func hasPendingWork() -> Bool {
    let kinds = self.kinds
    return (try? catalog.hasClaimableJob(kinds: kinds, now: .distantFuture)) ?? false
  }

  private func rescue() {
    // A job whose worker died is retried after a backoff too: a job that kills its
    // worker would otherwise restart at once, every time.
    let retryAt = Date().addingTimeInterval(options.retry.delay(afterAttempt: 1, random: Double.random(in: 0..<1)))
    do {
      let dead = try catalog.rescueJobsOfDeadWorkers(
        host: host, isAlive: { pid in kill(pid, 0) == 0 || errno == EPERM }, actor: options.actor, retryAt: retryAt)
      let expired = try catalog.rescueExpiredJobs(actor: options.actor, retryAt: retryAt)
      for job in dead + expired {
        report(
          JobEvent(
            kind: job.state == .failed ? .failed : job.state == .cancelled ? .cancelled : .retrying, jobID: job.id,
            jobKind: job.kind, datasetID: job.datasetID, message: job.error ?? "rescued"))
      }
    } catch {
      report(JobEvent(kind: .workerProblem, message: "cannot rescue stalled jobs: \(error)"))
    }
  }

  // MARK: - Running

  private func start(_ job: Job, lease: JobLease) {
    let context = JobContext(job: job, lease: lease, catalog: catalog, options: options)
    let stopping = state.withLock { state in
      state.running[lease.jobID] = context
      return state.stopping
    }
    if stopping { context.markShutdown() }
    if job.cancelRequested { context.markCancelled() }
    let run = JobRun(worker: self, context: context, handler: handlers[job.kind])
    // Pooled threads: starting a thread per job was a tenth of a short job's cost.
    DispatchQueue.global(qos: .utility).async { run.execute() }
  }

  func ended(_ context: JobContext) {
    state.withLock { _ = $0.running.removeValue(forKey: context.jobID) }
    wake.signal()
  }

  func report(_ event: JobEvent) { onEvent(event) }
}
