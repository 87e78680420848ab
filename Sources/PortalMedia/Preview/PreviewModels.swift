// The terminal-independent preview values other than text pages and images.

/// One JSONL record pretty-printed as lines of tokens.
public struct JSONRecordPreview: Sendable {
  /// The record's byte offset in its file.
  public var offset: Int64
  /// The record's length in bytes.
  public var length: Int64
  /// The pretty-printed lines.
  public var lines: [JSONLine]
  /// Why the record is not (all) valid JSON, if it is not; the lines then hold what
  /// parsed and the rest as raw text.
  public var problem: String?

  /// Creates a record preview.
  public init(offset: Int64, length: Int64, lines: [JSONLine], problem: String?) {
    self.offset = offset
    self.length = length
    self.lines = lines
    self.problem = problem.map(TerminalSanitizer.line)
  }
}

/// One line of pretty-printed JSON.
public struct JSONLine: Sendable, Hashable {
  /// Nesting depth (indent = 2 × depth columns).
  public var depth: Int
  /// The tokens on the line, in order.
  public var tokens: [JSONToken]

  /// Creates a line.
  public init(depth: Int, tokens: [JSONToken]) {
    self.depth = depth
    self.tokens = tokens
  }
}

/// A piece of pretty-printed JSON with its role, for highlighting.
public struct JSONToken: Sendable, Hashable {
  /// The role of a token.
  public enum Kind: Sendable, Hashable {
    /// An object key (with its quotes).
    case key
    /// A string value (with its quotes).
    case string
    /// A number.
    case number
    /// `true`, `false`, `null`.
    case literal
    /// Braces, brackets, colons and commas.
    case punctuation
    /// A note that something was folded ("… 3,120 more characters").
    case fold
    /// Bytes that are not JSON, shown as they are.
    case raw
  }

  /// The role.
  public var kind: Kind
  /// The text, sanitised (escape ranges mark shown controls).
  public var text: SanitizedText

  /// Creates a token, sanitising `text`.
  public init(_ kind: Kind, _ text: String) {
    self.kind = kind
    self.text = TerminalSanitizer.sanitize(text)
  }
}

/// A CSV/TSV sample shown as a table: the header and the sample's row among its neighbours.
public struct TablePreview: Sendable {
  /// Column names when the file has a header row.
  public var header: [SanitizedText]?
  /// The rows shown, in file order.
  public var rows: [TableRow]
  /// Index in `rows` of the sample's own row.
  public var highlighted: Int?

  /// Creates a table.
  public init(header: [SanitizedText]?, rows: [TableRow], highlighted: Int?) {
    self.header = header
    self.rows = rows
    self.highlighted = highlighted
  }

  /// The number of columns (the widest of the header and the rows).
  public var columnCount: Int { max(header?.count ?? 0, rows.map(\.cells.count).max() ?? 0) }
}

/// One table row.
public struct TableRow: Sendable {
  /// The sample number of the row in its version, when it is a sample.
  public var ordinal: Int?
  /// The cells, sanitised to one line each.
  public var cells: [SanitizedText]

  /// Creates a row.
  public init(ordinal: Int?, cells: [SanitizedText]) {
    self.ordinal = ordinal
    self.cells = cells
  }
}

/// A page of a PDF: its text (one entry per line) and an image of it.
public struct DocumentPreview: Sendable {
  /// Pages in the document, when poppler could tell.
  public var pageCount: Int?
  /// The page shown, from 1.
  public var page: Int
  /// The page's text lines, sanitised.
  public var text: [SanitizedText]
  /// The page rendered (poppler's `pdftoppm`), when available.
  public var image: PreviewImage?

  /// Creates a page preview.
  public init(pageCount: Int?, page: Int, text: [SanitizedText], image: PreviewImage?) {
    self.pageCount = pageCount
    self.page = page
    self.text = text
    self.image = image
  }
}

/// The lowest and highest sample under one waveform column, in −1…1.
public struct WaveColumn: Sendable, Hashable {
  /// Lowest sample.
  public var min: Float
  /// Highest sample.
  public var max: Float

  /// Creates a column.
  public init(min: Float, max: Float) {
    self.min = min
    self.max = max
  }
}

/// A recording: its format, a waveform, levels and a transcript.
public struct AudioPreview: Sendable {
  /// Length in seconds, when known.
  public var duration: Double?
  /// Samples per second.
  public var sampleRate: Int?
  /// Channels.
  public var channels: Int?
  /// One column per terminal column of the pane.
  public var columns: [WaveColumn]
  /// Highest absolute sample (0…1).
  public var peak: Float?
  /// Root mean square level (0…1).
  public var rms: Float?
  /// Whether levels were measured on a strided subset of the samples (long files).
  public var isApproximate: Bool
  /// The transcript's lines, sanitised, when a transcription produced one.
  public var transcript: [SanitizedText]?

  /// Creates an audio preview.
  public init(
    duration: Double?, sampleRate: Int?, channels: Int?, columns: [WaveColumn], peak: Float?, rms: Float?,
    isApproximate: Bool, transcript: [SanitizedText]?
  ) {
    self.duration = duration
    self.sampleRate = sampleRate
    self.channels = channels
    self.columns = columns
    self.peak = peak
    self.rms = rms
    self.isApproximate = isApproximate
    self.transcript = transcript
  }
}

/// A video: what ffprobe reports and frames taken across its duration.
public struct VideoPreview: Sendable {
  /// Rows (cells) the strip of frames takes, its time labels excluded.
  public static let stripRows = 5
  /// Length in seconds.
  public var duration: Double?
  /// Pixel size of the video stream.
  public var width: Int?
  /// Pixel height of the video stream.
  public var height: Int?
  /// Frames per second.
  public var frameRate: Double?
  /// Codec names, video first ("h264", "aac").
  public var codecs: [String]
  /// The key frame, drawn large.
  public var keyFrame: VideoFrame?
  /// Smaller frames spread over the duration, when the pane has room.
  public var strip: [VideoFrame]

  /// Creates a video preview.
  public init(
    duration: Double?, width: Int?, height: Int?, frameRate: Double?, codecs: [String], keyFrame: VideoFrame?,
    strip: [VideoFrame]
  ) {
    self.duration = duration
    self.width = width
    self.height = height
    self.frameRate = frameRate
    self.codecs = codecs.map(TerminalSanitizer.line)
    self.keyFrame = keyFrame
    self.strip = strip
  }
}

/// One frame of a video and when it is.
public struct VideoFrame: Sendable {
  /// Seconds from the start.
  public var time: Double
  /// The frame, scaled for the pane.
  public var image: PreviewImage

  /// Creates a frame.
  public init(time: Double, image: PreviewImage) {
    self.time = time
    self.image = image
  }
}
