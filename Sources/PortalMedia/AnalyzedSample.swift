import PortalCore

/// One sample found in a file: the whole file, or one JSONL line or CSV row. Carries
/// what the catalog's sample row needs; content stays in the file.
public struct AnalyzedSample: Sendable, Hashable {
  /// Byte offset of the sample in its file (after a byte-order mark for records).
  public var offset: Int64
  /// Byte length: the whole file, or the record without its line terminator.
  public var length: Int64
  /// Lower-case hex SHA-256 of exactly the bytes `offset..<offset+length`.
  public var sha256: String
  /// The sample's format (a record has its container's type: `.jsonl`, `.csv`).
  public var mediaType: MediaType
  /// Duration in milliseconds (WAV, FLAC, MP4), nil otherwise or if the header is damaged.
  public var durationMillis: Int64?
  /// Pixel width (PNG, JPEG, GIF, WebP).
  public var width: Int?
  /// Pixel height (PNG, JPEG, GIF, WebP).
  public var height: Int?
  /// Audio sample rate in Hz (WAV, FLAC).
  public var sampleRate: Int?
  /// Audio channel count (WAV, FLAC).
  public var channels: Int?
  /// Audio bits per sample (WAV, FLAC).
  public var bitsPerSample: Int?
  /// At most 280 characters of the sample's text for full-text search: whitespace
  /// collapsed, control and invisible characters removed. Nil for non-text samples.
  /// Still dataset text: pass it through `TerminalSanitizer` before display.
  public var excerpt: String?

  /// Creates a sample description.
  public init(
    offset: Int64, length: Int64, sha256: String, mediaType: MediaType, durationMillis: Int64? = nil,
    width: Int? = nil, height: Int? = nil, sampleRate: Int? = nil, channels: Int? = nil, bitsPerSample: Int? = nil,
    excerpt: String? = nil
  ) {
    self.offset = offset
    self.length = length
    self.sha256 = sha256
    self.mediaType = mediaType
    self.durationMillis = durationMillis
    self.width = width
    self.height = height
    self.sampleRate = sampleRate
    self.channels = channels
    self.bitsPerSample = bitsPerSample
    self.excerpt = excerpt
  }
}
