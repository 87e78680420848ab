import Foundation

/// What an import or rescan did: the version it made and every file it could not use.
public struct ImportReport: Sendable, Codable, Equatable {
  /// A file that was skipped, with why.
  public struct Problem: Sendable, Codable, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }
  }

  public var datasetSlug: String
  public var datasetName: String
  /// nil when a rescan found nothing changed and made no version.
  public var versionNumber: Int?
  public var filesAdded: Int = 0
  public var filesChanged: Int = 0
  public var filesUnchanged: Int = 0
  public var filesVanished: Int = 0
  public var samples: Int = 0
  public var bytes: Int64 = 0
  public var problems: [Problem] = []
  public var seconds: Double = 0
  /// Whether sample text (this import's or an earlier one's) still waits to be indexed
  /// for search; names, descriptions and tags are searchable at once.
  public var contentIndexPending = false

  public init(datasetSlug: String, datasetName: String) {
    self.datasetSlug = datasetSlug
    self.datasetName = datasetName
  }
}
