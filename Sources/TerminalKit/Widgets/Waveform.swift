/// An audio-style waveform: the min/max of the samples under each column, drawn as a vertical bar
/// around the centre line.
public struct Waveform: Sendable {
  /// Samples in −1…1 (values outside are clipped).
  public var samples: [Float]
  /// Style of the bars.
  public var style = Style(foreground: .green)
  /// Style of the centre line where a column is silent.
  public var axisStyle = Style(attributes: .dim)

  /// Creates a waveform.
  public init(samples: [Float]) { self.samples = samples }

  /// Splits the samples into `columns` equal buckets and returns each bucket's (min, max);
  /// columns past the end of short input get (0, 0).
  public static func columnExtents(_ samples: [Float], columns: Int) -> [(min: Float, max: Float)] {
    guard columns > 0 else { return [] }
    return (0..<columns).map { column in
      let start = column * samples.count / columns
      let end = max(start + 1, (column + 1) * samples.count / columns)
      guard start < samples.count else { return (0, 0) }
      let bucket = samples[start..<min(end, samples.count)]
      let low = bucket.min() ?? 0
      let high = bucket.max() ?? 0
      return (max(-1, min(1, low)), max(-1, min(1, high)))
    }
  }

  /// Draws one bar per column spanning the rows between the bucket's min and max.
  public func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let glyphs = terminal.glyphs
    let rows = rect.height
    // Row for an amplitude: +1 at the top row, -1 at the bottom row.
    func row(_ value: Float) -> Int {
      Int(((1 - value) / 2 * Float(rows - 1)).rounded())
    }
    let centre = row(0)
    for (column, extent) in Self.columnExtents(samples, columns: rect.width).enumerated() {
      let x = rect.x + column
      let top = row(extent.max)
      let bottom = row(extent.min)
      if extent.min == 0 && extent.max == 0 {
        terminal.put(text: glyphs.horizontal, at: Point(x: x, y: rect.y + centre), style: axisStyle)
        continue
      }
      for y in top...max(top, bottom) {
        terminal.put(text: glyphs.fullBlock, at: Point(x: x, y: rect.y + y), style: style)
      }
    }
  }
}
