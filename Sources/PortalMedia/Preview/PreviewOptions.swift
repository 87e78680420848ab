/// What a preview is built for: the pane's size and where in the sample to look.
public struct PreviewOptions: Sendable {
  /// Columns of the pane's body.
  public var columns: Int
  /// Rows of the pane's body (below the two header rows a renderer draws).
  public var rows: Int
  /// Where a text page starts.
  public var position: TextPosition
  /// A search that positions the text page at its match.
  public var search: TextSearch?
  /// The PDF page, from 1.
  public var page: Int
  /// Neighbouring rows shown on each side of a table sample.
  public var contextRows: Int
  /// Largest decoded image allowed, in bytes (RGB); larger declared sizes are refused.
  public var maxImageBytes: Int
  /// Longest a helper tool (ffmpeg, poppler) may run, in seconds.
  public var toolTimeout: Double
  /// Whether to extract pictures that only serve drawing: PDF page images and video
  /// frames (off for text-only output). Images are still decoded (their size and any
  /// corruption are facts) and recordings still measured (peak and RMS).
  public var decodeMedia: Bool
  /// Display columns of a scalar (the renderer passes its terminal's `wcwidth`);
  /// the default counts East Asian wide ranges as two and combining marks as none.
  public var measure: @Sendable (Unicode.Scalar) -> Int

  /// Creates options for a pane of `columns` × `rows`.
  public init(
    columns: Int = 80, rows: Int = 22, position: TextPosition = .start, search: TextSearch? = nil, page: Int = 1,
    contextRows: Int = 5, maxImageBytes: Int = 256 << 20, toolTimeout: Double = 20, decodeMedia: Bool = true,
    measure: @escaping @Sendable (Unicode.Scalar) -> Int = PreviewOptions.approximateWidth
  ) {
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    self.position = position
    self.search = search
    self.page = max(1, page)
    self.contextRows = max(0, contextRows)
    self.maxImageBytes = maxImageBytes
    self.toolTimeout = toolTimeout
    self.decodeMedia = decodeMedia
    self.measure = measure
  }

  /// A width estimate without the C library: wide CJK/emoji ranges 2, combining marks 0.
  public static func approximateWidth(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x300 { return 1 }
    if (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFE0F { return 0 }
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(value) } ? 2 : 1
  }
}
