import Foundation

/// A dataset as a list row: the dataset plus the facts of its current version,
/// its owner's login and its latest job.
public struct DatasetSummary: Sendable, Equatable, Codable {
  public var dataset: Dataset
  public var ownerLogin: String
  public var versionNumber: Int?
  public var sampleCount: Int
  public var totalBytes: Int64
  public var lastJobState: Job.State?
  public var lastJobKind: Job.Kind?

  public init(
    dataset: Dataset, ownerLogin: String, versionNumber: Int?, sampleCount: Int, totalBytes: Int64,
    lastJobState: Job.State? = nil, lastJobKind: Job.Kind? = nil
  ) {
    self.dataset = dataset
    self.ownerLogin = ownerLogin
    self.versionNumber = versionNumber
    self.sampleCount = sampleCount
    self.totalBytes = totalBytes
    self.lastJobState = lastJobState
    self.lastJobKind = lastJobKind
  }
}
