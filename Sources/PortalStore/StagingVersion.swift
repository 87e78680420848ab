/// A version being written by an import or a job: invisible until published.
public struct StagingVersion: Sendable, Equatable {
  public let datasetID: Int64
  public let versionID: Int64
  public let number: Int
  /// Whether the dataset itself was created for this import (and so disappears if
  /// the import is abandoned).
  public let createsDataset: Bool
  public let parentVersionID: Int64?
}
