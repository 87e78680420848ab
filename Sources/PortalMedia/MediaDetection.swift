import PortalCore

/// What `MediaDetector` concluded about a file from its first bytes.
public struct MediaDetection: Sendable, Hashable {
  /// The detected format.
  public var mediaType: MediaType
  /// For text formats, the encoding guess (the preview shows it); nil for binary formats.
  public var encoding: TextEncodingGuess?
  /// For CSV and TSV, the delimiter and header found in the first rows.
  public var table: TableDialect?
  /// Remarks worth showing the user ("contains NUL bytes"); not failures.
  public var notes: [String]

  /// Creates a detection result.
  public init(
    mediaType: MediaType, encoding: TextEncodingGuess? = nil, table: TableDialect? = nil, notes: [String] = []
  ) {
    self.mediaType = mediaType
    self.encoding = encoding
    self.table = table
    self.notes = notes
  }
}

/// How a CSV or TSV file is laid out: its delimiter and, if found, its header row.
public struct TableDialect: Sendable, Hashable, Codable {
  /// The field delimiter byte: `,`, `;` or tab.
  public var delimiter: UInt8
  /// Whether the first row names the columns (it is then not a sample).
  public var hasHeader: Bool
  /// The header's column names; empty without a header.
  public var columns: [String]

  /// Creates a dialect.
  public init(delimiter: UInt8, hasHeader: Bool, columns: [String] = []) {
    self.delimiter = delimiter
    self.hasHeader = hasHeader
    self.columns = columns
  }
}
