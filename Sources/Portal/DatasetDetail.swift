import PortalCore

/// Everything the dataset screen and `portal datasets show` present about one
/// dataset, filtered to what the actor may see.
public struct DatasetDetail: Sendable, Codable, Equatable {
  public var summary: DatasetSummary
  /// Published versions, newest first.
  public var versions: [DatasetVersion]
  /// What the actor may do with it (action names), for front ends to enable controls.
  public var allowedActions: [String]

  public init(summary: DatasetSummary, versions: [DatasetVersion], allowedActions: [String]) {
    self.summary = summary
    self.versions = versions
    self.allowedActions = allowedActions
  }
}
