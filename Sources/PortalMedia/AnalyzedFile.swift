import PortalCore

/// The summary of one analyzed file; its samples went to the analyzer's callback.
public struct AnalyzedFile: Sendable, Hashable {
  /// The file as the walker found it.
  public var entry: FileEntry
  /// The detected format; nil when the file was skipped (empty, unreadable, unrecognised).
  public var mediaType: MediaType?
  /// Lower-case hex SHA-256 of the whole file as read; nil if it could not be read to the end.
  public var sha256: String?
  /// For text formats, the encoding guess (shown by the preview).
  public var encoding: TextEncodingGuess?
  /// For CSV and TSV, the delimiter and header.
  public var table: TableDialect?
  /// Samples passed to the callback.
  public var sampleCount: Int
  /// Bytes read and hashed (the walker's size may be stale if the file changed).
  public var byteCount: Int64
  /// Everything worth telling the user about this file, in the order found; a skipped
  /// file has at least one.
  public var problems: [FileProblem]

  /// Creates a summary with nothing found yet.
  public init(entry: FileEntry) {
    self.entry = entry
    sampleCount = 0
    byteCount = 0
    problems = []
  }

  /// Whether the file yielded nothing to import.
  public var isSkipped: Bool { mediaType == nil }
}
