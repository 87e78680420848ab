import Foundation
import PortalCore
import PortalStore

/// Runs one kind of job. A handler reads its input through the context, checks
/// `context.checkStop()` between items, writes output with checkpoints through the
/// context, and returns what to publish; the worker completes the job.
public protocol JobHandler: Sendable {
  /// Runs the job; throws `JobStop` when told to stop, `JobFailure` to fail.
  func run(_ context: JobContext) throws -> JobResult
}

/// What a finished handler hands back for publication.
public struct JobResult: Sendable {
  /// The staged version to publish as the dataset's current version, if any.
  public var staging: StagingVersion?
  /// JSON report stored on the version (and in the audit event's summary).
  public var report: String
  /// A PII scan to record (for the version published, or `scannedVersionID`).
  public var piiScan: PIIScanRecord?
  public var scannedVersionID: Int64?
  /// One line for people.
  public var summary: String
  /// Whether publishing sets the dataset's languages from the samples' (a language
  /// identification step ran).
  public var setsLanguages: Bool

  /// Creates a result.
  public init(
    staging: StagingVersion? = nil, report: String = "{}", piiScan: PIIScanRecord? = nil,
    scannedVersionID: Int64? = nil, summary: String, setsLanguages: Bool = false
  ) {
    self.setsLanguages = setsLanguages
    self.staging = staging
    self.report = report
    self.piiScan = piiScan
    self.scannedVersionID = scannedVersionID
    self.summary = summary
  }
}

/// Why a handler stopped before finishing.
public enum JobStop: Error, Sendable, Equatable {
  /// Someone cancelled the job.
  case cancelled
  /// Another worker holds the job now.
  case leaseLost
  /// This worker is shutting down; the job goes back to the queue.
  case shutdown
}

/// A handler's failure, saying whether trying again could help.
public struct JobFailure: Error, CustomStringConvertible, Sendable {
  /// The message kept on the job.
  public var message: String
  /// False for failures no retry can fix (bad parameters, a missing tool).
  public var retryable: Bool

  /// Creates a failure.
  public init(_ message: String, retryable: Bool = true) {
    self.message = message
    self.retryable = retryable
  }

  public var description: String { message }
}
