/// A job as lists show it: the job and the names a person recognises.
public struct JobRow: Sendable, Equatable, Codable {
  public var job: Job
  /// The dataset's slug and display name.
  public var datasetSlug: String
  public var datasetName: String
  /// Who queued it.
  public var queuedByLogin: String
  /// The number of the version the job read, and of the one it produced.
  public var inputVersionNumber: Int?
  public var resultVersionNumber: Int?

  /// Creates a row.
  public init(
    job: Job, datasetSlug: String, datasetName: String, queuedByLogin: String, inputVersionNumber: Int? = nil,
    resultVersionNumber: Int? = nil
  ) {
    self.job = job
    self.datasetSlug = datasetSlug
    self.datasetName = datasetName
    self.queuedByLogin = queuedByLogin
    self.inputVersionNumber = inputVersionNumber
    self.resultVersionNumber = resultVersionNumber
  }
}
