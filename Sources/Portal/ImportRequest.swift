/// What to import: paths and how to describe the new dataset, or which dataset to
/// rescan.
public struct ImportRequest: Sendable {
  public var paths: [String]
  public var name: String
  public var description: String
  public var tags: [String]
  /// Follow symbolic links that point outside the import roots.
  public var followSymlinks: Bool
  /// When the samples' text becomes searchable.
  public var contentIndex: ContentIndexing
  /// Tests: force reading large files two at a time on (or off) whatever the cores.
  var readAheadOverride: Bool?

  public init(
    paths: [String], name: String, description: String = "", tags: [String] = [], followSymlinks: Bool = false,
    contentIndex: ContentIndexing = .now
  ) {
    self.paths = paths
    self.name = name
    self.description = description
    self.tags = tags
    self.followSymlinks = followSymlinks
    self.contentIndex = contentIndex
  }
}
