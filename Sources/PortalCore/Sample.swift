/// One unit of content: a whole file, or one record (JSONL line, CSV row) inside it.
/// Kept lean: the content is read from the file on demand.
public struct Sample: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var versionID: Int64
  /// 0-based position in its version, in path order.
  public var ordinal: Int
  public var fileID: Int64
  /// Byte range inside the file; the whole file for single-sample files.
  public var offset: Int64
  public var length: Int64
  public var mediaType: MediaType
  /// Hex SHA-256 of the sample's bytes.
  public var sha256: String
  public var durationMillis: Int64?
  public var width: Int?
  public var height: Int?
  /// BCP-47 tag once language identification has run.
  public var language: String?
  /// A short, search-indexed beginning of the text, if the sample has text.
  public var excerpt: String?

  public init(
    id: Int64? = nil, versionID: Int64, ordinal: Int, fileID: Int64, offset: Int64, length: Int64,
    mediaType: MediaType, sha256: String, durationMillis: Int64? = nil, width: Int? = nil, height: Int? = nil,
    language: String? = nil, excerpt: String? = nil
  ) {
    self.id = id
    self.versionID = versionID
    self.ordinal = ordinal
    self.fileID = fileID
    self.offset = offset
    self.length = length
    self.mediaType = mediaType
    self.sha256 = sha256
    self.durationMillis = durationMillis
    self.width = width
    self.height = height
    self.language = language
    self.excerpt = excerpt
  }

  enum CodingKeys: String, CodingKey {
    case id
    case versionID = "version_id"
    case ordinal
    case fileID = "file_id"
    case offset = "byte_offset"
    case length = "byte_length"
    case mediaType = "media_type"
    case sha256
    case durationMillis = "duration_ms"
    case width, height, language, excerpt
  }
}
