import Foundation

/// A worker's claim on a running job. Every write about the job names the token, so a
/// worker whose lease was taken over (it stalled, the job was rescued) changes nothing.
public struct JobLease: Sendable, Equatable, Hashable {
  /// The job.
  public let jobID: Int64
  /// `host/pid/random`: unique per claim, and says which process holds it.
  public let token: String

  /// Creates a lease value.
  public init(jobID: Int64, token: String) {
    self.jobID = jobID
    self.token = token
  }

  /// A fresh token for a claim by process `pid` on `host`.
  public static func makeToken(host: String, pid: Int32) -> String {
    "\(host.replacingOccurrences(of: "/", with: "_"))/\(pid)/\(UUID().uuidString.lowercased())"
  }

  /// The host and process id a token names, if it is one of ours.
  public static func holder(of token: String) -> (host: String, pid: Int32)? {
    let parts = token.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3, let pid = Int32(parts[1]) else { return nil }
    return (String(parts[0]), pid)
  }
}

/// How a running job ended, as its worker reports it.
public enum JobFinish: Sendable, Equatable {
  /// Done; `resultVersionID` when it published a version.
  case succeeded
  /// Failed; retried at `retryAt` unless it is nil or attempts are used up.
  case failed(error: String, retryAt: Date?)
  /// Stopped because someone cancelled it.
  case cancelled
}

/// What the job queue refuses, in words a user can act on.
public enum JobQueueError: Error, CustomStringConvertible, Sendable, Equatable {
  case leaseLost(jobID: Int64)
  case notFound(jobID: Int64)
  case notCancellable(jobID: Int64, state: String)
  case notRetryable(jobID: Int64, state: String)

  /// One sentence saying what happened and what to do.
  public var description: String {
    switch self {
    case .leaseLost(let id):
      "job \(id) was taken over by another worker (this one stalled past its lease); it stopped without writing"
    case .notFound(let id):
      "there is no job \(id) (run `portal jobs list` to see the jobs you may see)"
    case .notCancellable(let id, let state):
      "job \(id) is already \(state), so there is nothing to cancel"
    case .notRetryable(let id, let state):
      "job \(id) is \(state); only failed or cancelled jobs can be retried"
    }
  }
}
