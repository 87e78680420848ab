/// A one-line progress bar: `label ███████▌░░░░  62%  4.1 MB/s, 0:42 left`.
///
/// The caller supplies the rate/ETA text (it knows the units); the bar draws eighth-cell steps
/// with Unicode glyphs and whole cells with ASCII.
public struct ProgressBar: Hashable, Sendable {
  /// Colours of the parts of a progress bar.
  public struct Styles: Hashable, Sendable {
    /// The done part.
    public var filled = Style(foreground: .green)
    /// The part still to do.
    public var empty = Style(attributes: .dim)
    /// Label, percentage and detail.
    public var text = Style.plain

    /// The default styles.
    public init() {}
  }

  /// Eighth blocks for the partial cell, from ⅛ to ⅞.
  static let eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// Done fraction, clamped to 0…1.
  public var fraction: Double {
    didSet { fraction = fraction.isFinite ? min(1, max(0, fraction)) : 0 }
  }
  /// Text before the bar.
  public var label: String
  /// Text after the percentage (rate, ETA), dropped first when space is short.
  public var detail: String
  /// Styles.
  public var styles = Styles()

  /// Creates a bar.
  public init(fraction: Double, label: String = "", detail: String = "") {
    self.fraction = fraction.isFinite ? min(1, max(0, fraction)) : 0
    self.label = label
    self.detail = detail
  }

  /// Draws on the first row of `rect`. Detail, then label, give way so the bar keeps ≥ 8 cells.
  public func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    let percent = Int((fraction * 100).rounded(.down))
    let percentText = DisplayWidth.pad(String(percent), to: 3, alignment: .trailing) + "%"
    var prefix = label.isEmpty ? "" : label + " "
    var suffix = " " + percentText + (detail.isEmpty ? "" : "  " + detail)
    let minimumBar = 8
    if row.width - DisplayWidth.of(prefix) - DisplayWidth.of(suffix) < minimumBar { suffix = " " + percentText }
    if row.width - DisplayWidth.of(prefix) - DisplayWidth.of(suffix) < minimumBar {
      prefix = DisplayWidth.truncate(prefix, to: max(0, row.width - DisplayWidth.of(suffix) - minimumBar))
    }
    let barWidth = max(0, row.width - DisplayWidth.of(prefix) - DisplayWidth.of(suffix))
    terminal.fill(row, style: styles.text)
    terminal.put(text: prefix, at: Point(x: row.x, y: row.y), style: styles.text)
    let glyphs = terminal.glyphs
    let steps = glyphs.isASCII ? 1 : 8
    let filledSteps = Int((fraction * Double(barWidth * steps)).rounded(.down))
    let full = filledSteps / steps
    let partial = filledSteps % steps
    var bar = String(repeating: glyphs.fullBlock, count: full)
    if partial > 0 { bar += Self.eighths[partial - 1] }
    let barX = row.x + DisplayWidth.of(prefix)
    terminal.put(text: bar, at: Point(x: barX, y: row.y), style: styles.filled)
    let used = full + (partial > 0 ? 1 : 0)
    terminal.put(
      text: String(repeating: glyphs.lightShade, count: barWidth - used), at: Point(x: barX + used, y: row.y),
      style: styles.empty)
    terminal.put(text: suffix, at: Point(x: barX + barWidth, y: row.y), style: styles.text)
  }
}
