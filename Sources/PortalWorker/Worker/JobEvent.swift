import Foundation
import PortalCore

/// What a worker tells its host (the TUI shows a toast; `portal worker` prints a line).
public struct JobEvent: Sendable, Equatable {
  /// What happened.
  public enum Kind: String, Sendable, Equatable {
    case started, succeeded, failed, retrying, cancelled
    /// Handed back to the queue because the worker is stopping.
    case released
    /// Another worker took the job over; this one stopped without writing.
    case leaseLost
    /// The worker itself hit a problem (the catalog was busy or unwritable).
    case workerProblem
  }

  public var kind: Kind
  public var jobID: Int64?
  public var jobKind: Job.Kind?
  public var datasetID: Int64?
  /// One line for people: the outcome or the error.
  public var message: String
  /// The version the job published, if any.
  public var resultVersionID: Int64?

  /// Creates an event.
  public init(
    kind: Kind, jobID: Int64? = nil, jobKind: Job.Kind? = nil, datasetID: Int64? = nil, message: String,
    resultVersionID: Int64? = nil
  ) {
    self.kind = kind
    self.jobID = jobID
    self.jobKind = jobKind
    self.datasetID = datasetID
    self.message = message
    self.resultVersionID = resultVersionID
  }

  /// Whether the job reached an end its owner wants to hear about.
  public var isJobEnd: Bool { [.succeeded, .failed, .cancelled].contains(kind) }
}
