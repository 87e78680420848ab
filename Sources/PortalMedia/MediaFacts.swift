import PortalCore

/// What the headers of an image, audio or video file say about it. Each fact is nil
/// when the format does not carry it or the header is damaged; damage is described in
/// `problems` ("truncated PNG header"), never thrown.
public struct MediaFacts: Sendable, Hashable {
  /// Pixel width (images).
  public var width: Int?
  /// Pixel height (images).
  public var height: Int?
  /// Duration in milliseconds (WAV, FLAC, MP4).
  public var durationMillis: Int64?
  /// Samples per second per channel (WAV, FLAC).
  public var sampleRate: Int?
  /// Audio channel count (WAV, FLAC).
  public var channels: Int?
  /// Bits per sample (WAV, FLAC).
  public var bitsPerSample: Int?
  /// Why facts are missing or doubtful, one line each.
  public var problems: [String] = []

  /// No facts.
  public init() {}

  /// Reads the facts of a file of `type` held in memory (previews, tests).
  public static func read(_ type: MediaType, from bytes: [UInt8]) -> MediaFacts {
    read(type, from: MemoryByteSource(data: bytes))
  }

  static func read(_ type: MediaType, from source: some ByteSource) -> MediaFacts {
    switch type {
    case .png: ImageHeaders.png(source)
    case .gif: ImageHeaders.gif(source)
    case .jpeg: ImageHeaders.jpeg(source)
    case .webp: ImageHeaders.webp(source)
    case .wav: WAVHeader.read(source)
    case .flac: FLACHeader.read(source)
    case .mp4: MP4Boxes.read(source)
    case .plainText, .markdown, .jsonl, .csv, .tsv, .pdf, .mp3, .ogg, .webm, .matroska: MediaFacts()
    }
  }

  /// Facts that carry only a problem.
  static func problem(_ text: String) -> MediaFacts {
    var facts = MediaFacts()
    facts.problems = [text]
    return facts
  }

  /// Image facts, rejecting zero or absurd sizes as corrupt.
  static func image(width: Int, height: Int, format: String) -> MediaFacts {
    guard width > 0, height > 0, width <= 1 << 24, height <= 1 << 24 else {
      return problem("corrupt \(format) header: impossible dimensions \(width)×\(height)")
    }
    var facts = MediaFacts()
    facts.width = width
    facts.height = height
    return facts
  }
}
