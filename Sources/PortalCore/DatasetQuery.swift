/// Which datasets a list shows and in what order: the filters of the Datasets screen
/// and of `portal datasets list`.
public struct DatasetQuery: Sendable, Equatable {
  /// Columns a list can be sorted by.
  public enum SortKey: String, Sendable, CaseIterable {
    case name, modality, samples, size, visibility, sensitivity, licence, updated
    /// The most recent job's kind, then its state.
    case lastJob = "last-job"
  }

  public var visibility: Visibility?
  public var modality: Modality?
  public var sensitivity: Sensitivity?
  public var tag: String?
  /// Owner login.
  public var owner: String?
  /// Full-text search over names, descriptions, tags and sample excerpts.
  public var text: String?
  public var sort: SortKey
  public var descending: Bool

  public init(
    visibility: Visibility? = nil, modality: Modality? = nil, sensitivity: Sensitivity? = nil, tag: String? = nil,
    owner: String? = nil, text: String? = nil, sort: SortKey = .name, descending: Bool = false
  ) {
    self.visibility = visibility
    self.modality = modality
    self.sensitivity = sensitivity
    self.tag = tag
    self.owner = owner
    self.text = text
    self.sort = sort
    self.descending = descending
  }
}
