import Foundation

/// One file as seen by an import: where it is, and the size, mtime and hash that a
/// rescan compares. Immutable: a changed file gets a new row, so old versions keep
/// pointing at what they saw.
public struct SourceFile: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var datasetID: Int64
  /// The directory the import walked (absolute).
  public var root: String
  /// Path below `root`, with `/` separators.
  public var relativePath: String
  public var size: Int64
  /// Modification time in nanoseconds since 1970.
  public var mtimeNanos: Int64
  /// Hex SHA-256 of the whole file.
  public var sha256: String
  public var mediaType: MediaType

  public init(
    id: Int64? = nil, datasetID: Int64, root: String, relativePath: String, size: Int64, mtimeNanos: Int64,
    sha256: String, mediaType: MediaType
  ) {
    self.id = id
    self.datasetID = datasetID
    self.root = root
    self.relativePath = relativePath
    self.size = size
    self.mtimeNanos = mtimeNanos
    self.sha256 = sha256
    self.mediaType = mediaType
  }

  /// The absolute path of the file.
  public var path: String { root.hasSuffix("/") ? root + relativePath : root + "/" + relativePath }

  enum CodingKeys: String, CodingKey {
    case id
    case datasetID = "dataset_id"
    case root
    case relativePath = "relative_path"
    case size
    case mtimeNanos = "mtime_ns"
    case sha256
    case mediaType = "media_type"
  }
}
