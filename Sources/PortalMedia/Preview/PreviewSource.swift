import PortalCore

/// What the catalog knows about a sample, handed to ``SamplePreviewer``: where its bytes
/// are, and for records the neighbouring records of the same file.
public struct PreviewSource: Sendable {
  /// Absolute path of the file holding the sample.
  public var path: String
  /// The path shown to people.
  public var relativePath: String
  /// Byte range of the sample in the file.
  public var offset: Int64
  /// Bytes in the sample.
  public var length: Int64
  /// The sample's format as imported.
  public var mediaType: MediaType
  /// The sample's number in its version.
  public var ordinal: Int
  /// Records of the same file around the sample (itself included), in file order; empty
  /// for whole-file samples.
  public var neighbours: [PreviewRecord]
  /// A transcript of the recording, when a transcription produced one.
  public var transcript: String?

  /// Creates a source.
  public init(
    path: String, relativePath: String, offset: Int64, length: Int64, mediaType: MediaType, ordinal: Int,
    neighbours: [PreviewRecord] = [], transcript: String? = nil
  ) {
    self.path = path
    self.relativePath = relativePath
    self.offset = offset
    self.length = length
    self.mediaType = mediaType
    self.ordinal = ordinal
    self.neighbours = neighbours
    self.transcript = transcript
  }
}

/// A record of a container file (a CSV row, a JSONL line) by its place in the file.
public struct PreviewRecord: Sendable, Hashable {
  /// The record's sample number.
  public var ordinal: Int
  /// Byte offset in the file.
  public var offset: Int64
  /// Bytes in the record.
  public var length: Int64

  /// Creates a record reference.
  public init(ordinal: Int, offset: Int64, length: Int64) {
    self.ordinal = ordinal
    self.offset = offset
    self.length = length
  }
}
