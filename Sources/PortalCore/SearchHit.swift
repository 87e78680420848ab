/// One full-text search result: a dataset, and the sample whose excerpt matched
/// when the match was in content rather than in the dataset's own metadata.
public struct SearchHit: Sendable, Equatable, Codable {
  public var datasetID: Int64
  public var datasetSlug: String
  public var datasetName: String
  /// nil when the name, description or tags matched.
  public var sampleOrdinal: Int?
  /// The matching text with the match marked by `[` and `]`.
  public var snippet: String

  public init(datasetID: Int64, datasetSlug: String, datasetName: String, sampleOrdinal: Int?, snippet: String) {
    self.datasetID = datasetID
    self.datasetSlug = datasetSlug
    self.datasetName = datasetName
    self.sampleOrdinal = sampleOrdinal
    self.snippet = snippet
  }
}
