/// A one-row chart of recent values, one column per value: `▁▂▄▆█▇▅`.
public struct Sparkline: Hashable, Sendable {
  /// The values; only the last `width` are shown.
  public var values: [Double]
  /// Style of the bars.
  public var style = Style(foreground: .cyan)

  /// Creates a sparkline.
  public init(values: [Double]) { self.values = values }

  /// Level index 0…7 of each value, scaled between the shown minimum and maximum.
  public static func levels(_ values: [Double]) -> [Int] {
    let finite = values.filter(\.isFinite)
    guard let low = finite.min(), let high = finite.max() else { return values.map { _ in 0 } }
    let span = high - low
    return values.map { value in
      guard value.isFinite, span > 0 else { return span > 0 ? 0 : 3 }
      return min(7, Int(((value - low) / span * 7).rounded()))
    }
  }

  /// Draws the last values that fit on the first row of `rect`.
  public func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let shown = Array(values.suffix(rect.width))
    let glyphs = terminal.glyphs.levels
    let text = Self.levels(shown).map { glyphs[$0] }.joined()
    terminal.put(text: text, at: Point(x: rect.x, y: rect.y), style: style)
  }
}
