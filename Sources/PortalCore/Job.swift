import Foundation

/// A unit of background work (a cleaning pipeline, OCR, transcription) in the
/// catalog's queue.
public struct Job: Codable, Sendable, Equatable, Identifiable {
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case clean, ocr, transcribe, scan
    /// Test-only kinds: the queue scenarios need jobs that finish at once, run for a
    /// while, write numbered items, or crash their worker. No front end can queue them,
    /// and a worker runs them only when its process is started for tests
    /// (see `isTestOnly`).
    case testNoop = "test-noop"
    case testSleep = "test-sleep"
    case testItems = "test-items"
    case testCrash = "test-crash"

    /// Whether only the test harness may queue and run this kind.
    public var isTestOnly: Bool { rawValue.hasPrefix("test-") }

    /// The kinds people may queue.
    public static var userKinds: [Kind] { allCases.filter { !$0.isTestOnly } }
  }

  public enum State: String, Codable, Sendable, CaseIterable {
    case queued, running, succeeded, failed, cancelled, retryable

    /// Whether the job will not change any more.
    public var isFinal: Bool { self == .succeeded || self == .failed || self == .cancelled }
  }

  public var id: Int64?
  public var kind: Kind
  public var datasetID: Int64
  public var versionID: Int64?
  /// JSON parameters (steps and their settings).
  public var parameters: String
  public var state: State
  /// Lower runs first.
  public var priority: Int
  public var attempt: Int
  public var maxAttempts: Int
  public var leaseToken: String?
  public var leaseUntil: Date?
  public var runAt: Date
  public var progressDone: Int64
  public var progressTotal: Int64
  /// Items per second, as last reported.
  public var rate: Double
  /// JSON the step writes to resume where it stopped.
  public var checkpoint: String?
  public var error: String?
  public var cancelRequested: Bool
  public var queuedBy: Int64
  public var createdAt: Date
  public var startedAt: Date?
  public var finishedAt: Date?
  public var resultVersionID: Int64?

  public init(
    id: Int64? = nil, kind: Kind, datasetID: Int64, versionID: Int64? = nil, parameters: String = "{}",
    state: State = .queued, priority: Int = 100, attempt: Int = 0, maxAttempts: Int = 3, leaseToken: String? = nil,
    leaseUntil: Date? = nil, runAt: Date = Date(), progressDone: Int64 = 0, progressTotal: Int64 = 0,
    rate: Double = 0, checkpoint: String? = nil, error: String? = nil, cancelRequested: Bool = false,
    queuedBy: Int64, createdAt: Date = Date(), startedAt: Date? = nil, finishedAt: Date? = nil,
    resultVersionID: Int64? = nil
  ) {
    self.id = id
    self.kind = kind
    self.datasetID = datasetID
    self.versionID = versionID
    self.parameters = parameters
    self.state = state
    self.priority = priority
    self.attempt = attempt
    self.maxAttempts = maxAttempts
    self.leaseToken = leaseToken
    self.leaseUntil = leaseUntil
    self.runAt = runAt
    self.progressDone = progressDone
    self.progressTotal = progressTotal
    self.rate = rate
    self.checkpoint = checkpoint
    self.error = error
    self.cancelRequested = cancelRequested
    self.queuedBy = queuedBy
    self.createdAt = createdAt
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.resultVersionID = resultVersionID
  }

  enum CodingKeys: String, CodingKey {
    case id, kind
    case datasetID = "dataset_id"
    case versionID = "version_id"
    case parameters, state, priority, attempt
    case maxAttempts = "max_attempts"
    case leaseToken = "lease_token"
    case leaseUntil = "lease_until"
    case runAt = "run_at"
    case progressDone = "progress_done"
    case progressTotal = "progress_total"
    case rate, checkpoint, error
    case cancelRequested = "cancel_requested"
    case queuedBy = "queued_by"
    case createdAt = "created_at"
    case startedAt = "started_at"
    case finishedAt = "finished_at"
    case resultVersionID = "result_version_id"
  }
}
