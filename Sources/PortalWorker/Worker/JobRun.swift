import Foundation
import PortalCore
import PortalStore

/// One attempt at one job: the handler, then the outcome written under the lease. The
/// worker's heartbeat thread renews the lease meanwhile.
struct JobRun: Sendable {
  let worker: Worker
  let context: JobContext
  let handler: (any JobHandler)?

  private var job: Job { context.job }
  private var catalog: Catalog { context.catalog }
  private var options: WorkerOptions { context.options }

  func execute() {
    worker.report(event(.started, "attempt \(job.attempt) of \(job.maxAttempts)"))
    let outcome: Result<JobResult, any Error>
    if let handler {
      outcome = Result {
        try context.checkStop()
        return try handler.run(context)
      }
    } else {
      outcome = .failure(JobFailure("this worker cannot run '\(job.kind.rawValue)' jobs", retryable: false))
    }
    context.markFinished()
    record(outcome)
    worker.ended(context)
  }

  // MARK: - Outcome

  private func record(_ outcome: Result<JobResult, any Error>) {
    do {
      switch outcome {
      case .success(let result):
        let done = try catalog.completeJob(
          context.lease, publishing: result.staging, report: result.report, piiScan: result.piiScan,
          scannedVersionID: result.scannedVersionID, setLanguages: result.setsLanguages,
          audit: audit("job.complete", after: ["state": "succeeded", "summary": result.summary]))
        worker.report(event(.succeeded, result.summary, version: done.resultVersionID))
      case .failure(JobStop.cancelled):
        discardOutputs()
        try catalog.finishJob(context.lease, .cancelled, audit: audit("job.cancelled", after: ["state": "cancelled"]))
        worker.report(event(.cancelled, "cancelled"))
      case .failure(JobStop.leaseLost):
        worker.report(event(.leaseLost, JobQueueError.leaseLost(jobID: context.jobID).description))
      case .failure(JobStop.shutdown):
        try catalog.releaseJob(context.lease)
        worker.report(event(.released, "handed back to the queue (the worker is stopping)"))
      case .failure(let error):
        try fail(error)
      }
    } catch JobQueueError.leaseLost {
      worker.report(event(.leaseLost, JobQueueError.leaseLost(jobID: context.jobID).description))
    } catch {
      // The outcome could not be written (disk full, catalog busy for too long): the
      // lease runs out and a rescue retries the job.
      worker.report(event(.workerProblem, "cannot record the outcome of job \(context.jobID): \(error)"))
    }
  }

  private func fail(_ error: any Error) throws {
    let message: String
    var retryable = true
    if let failure = error as? JobFailure {
      message = failure.message
      retryable = failure.retryable
    } else {
      message = String(describing: error)
    }
    let retryAt =
      JobRetryPolicy.shouldRetry(attempt: job.attempt, maxAttempts: job.maxAttempts, retryable: retryable)
      ? Date().addingTimeInterval(options.retry.delay(afterAttempt: job.attempt, random: Double.random(in: 0..<1)))
      : nil
    let kept = "attempt \(job.attempt) of \(job.maxAttempts): \(message)"
    // A retry resumes from the files written so far; a job that has ended never will.
    if retryAt == nil { discardOutputs() }
    let ended = try catalog.finishJob(
      context.lease, .failed(error: kept, retryAt: retryAt), audit: audit("job.fail", after: ["error": kept]))
    worker.report(event(ended.state == .retryable ? .retrying : .failed, kept))
  }

  /// Removes the files of a job that ends without a result (cancelled, or failed for
  /// good): after a full disk they are what fills it. Done BEFORE the transaction that
  /// ends the job (which drops its staged version and checkpoint): once the job is
  /// ended, a retry may start writing these names again at once. Should that
  /// transaction fail, the checkpoint survives without its files, and the next attempt
  /// sees them missing and starts over.
  private func discardOutputs() {
    try? FileManager.default.removeItem(at: context.outputDirectory)
  }

  private func audit(_ action: String, after: [String: String]) -> AuditEvent {
    var fields = after
    fields["kind"] = job.kind.rawValue
    fields["attempt"] = String(job.attempt)
    if !options.operatedBy.isEmpty { fields["worker"] = options.operatedBy }
    return AuditEvent(
      at: Date(), actor: options.actor, action: action, targetKind: "job", targetID: String(context.jobID),
      datasetID: job.datasetID, after: Self.json(fields))
  }

  /// A flat string map as sorted-key JSON (JSONSerialization was a fifth of a short
  /// job's CPU time).
  static func json(_ fields: [String: String]) -> String {
    return "{"
      + fields.sorted { $0.key < $1.key }.map { QuotedString.literal($0.key) + ":" + QuotedString.literal($0.value) }
      .joined(separator: ",")
      + "}"
  }

  private func event(_ kind: JobEvent.Kind, _ message: String, version: Int64? = nil) -> JobEvent {
    JobEvent(
      kind: kind, jobID: context.jobID, jobKind: job.kind, datasetID: job.datasetID, message: message,
      resultVersionID: version)
  }
}
