import Foundation
import PortalCore

/// How a worker runs: how many jobs at once, how long a lease lasts, when it exits.
public struct WorkerOptions: Sendable {
  /// Jobs run at the same time by this process.
  public var concurrency: Int
  /// How long a claim lasts without a heartbeat before another worker may rescue the job.
  public var leaseDuration: TimeInterval
  /// How often a running job's lease is renewed (and cancellation observed).
  public var heartbeatInterval: TimeInterval
  /// The longest pause between looks at an idle queue.
  public var idlePoll: TimeInterval
  /// How often expired leases are rescued.
  public var rescueInterval: TimeInterval
  /// Exit once nothing this worker could run is queued and nothing is running.
  public var once: Bool
  /// Backoff between attempts of a failing job.
  public var retry: JobRetryPolicy
  /// The login audit events of job outcomes are recorded under.
  public var actor: String
  /// The longest a single tool run (one page, one recording) may take.
  public var toolTimeout: TimeInterval
  /// Whether this process may run the test-only job kinds (see `Job.Kind.isTestOnly`).
  public var allowTestJobs: Bool
  /// Who operates this worker (`login@host pid N`), recorded in each outcome's audit entry.
  public var operatedBy: String

  /// Creates options; the defaults suit an embedded worker.
  public init(
    concurrency: Int = 1, leaseDuration: TimeInterval = 60, heartbeatInterval: TimeInterval? = nil,
    idlePoll: TimeInterval = 1, rescueInterval: TimeInterval = 5, once: Bool = false,
    retry: JobRetryPolicy = JobRetryPolicy(), actor: String = "worker", toolTimeout: TimeInterval = 300,
    allowTestJobs: Bool = false, operatedBy: String = ""
  ) {
    self.concurrency = max(1, concurrency)
    self.leaseDuration = max(0.2, leaseDuration)
    self.heartbeatInterval = heartbeatInterval ?? self.leaseDuration / 4
    self.idlePoll = idlePoll
    self.rescueInterval = rescueInterval
    self.once = once
    self.retry = retry
    self.actor = actor
    self.toolTimeout = toolTimeout
    self.allowTestJobs = allowTestJobs
    self.operatedBy = operatedBy
  }

  /// The environment variable that lets a worker process run test-only job kinds. It
  /// is honoured only together with the catalog flag `test_jobs` that only the test
  /// harness sets, so on a real catalog it does nothing.
  public static let testJobsVariable = "PORTAL_ENABLE_TEST_JOBS"
}
