/// A key and what it does, shown in the status bar: `q Quit`.
public struct KeyHint: Hashable, Sendable {
  /// The key as shown (`q`, `Enter`, `^F`).
  public var key: String
  /// What it does.
  public var label: String

  /// Creates a hint.
  public init(_ key: String, _ label: String) {
    self.key = key
    self.label = label
  }
}

/// The bottom line: key hints on the left, a short status (position, notices) on the right.
///
/// When space runs out the right segment keeps up to half the width, and the hints that do not
/// fit are dropped whole, replaced by an ellipsis, rather than cut mid-word.
public struct StatusBar: Sendable {
  /// Colours of the parts of a status bar.
  public struct Styles: Hashable, Sendable {
    /// The bar.
    public var bar = Style(attributes: .reverse)
    /// Keys in hints.
    public var key = Style(attributes: [.reverse, .bold])
    /// The right segment.
    public var right = Style(attributes: .reverse)

    /// The default styles.
    public init() {}
  }

  /// Key hints, most important first.
  public var hints: [KeyHint]
  /// Text on the right (e.g. `12/3,400` or a fallback notice).
  public var right: String
  /// Styles.
  public var styles = Styles()

  /// Creates a status bar.
  public init(hints: [KeyHint] = [], right: String = "") {
    self.hints = hints
    self.right = right
  }

  /// Draws on the first row of `rect`.
  public func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let row = rect.row(0)
    let ellipsis = terminal.glyphs.ellipsis
    terminal.fill(row, style: styles.bar)
    let fullRight = DisplayWidth.of(right)
    let rightText =
      fullRight + 1 <= row.width / 2
      ? right : DisplayWidth.truncate(right, to: max(0, row.width / 2 - 1), ellipsis: ellipsis)
    let rightWidth = DisplayWidth.of(rightText)
    if rightWidth > 0 {
      terminal.put(text: rightText, at: Point(x: row.maxX - rightWidth - 1, y: row.y), style: styles.right)
    }
    let limit = row.maxX - rightWidth - (rightWidth > 0 ? 2 : 0)
    var x = row.x + 1
    let widths = hints.map { DisplayWidth.of($0.key) + 1 + DisplayWidth.of($0.label) }
    for (index, hint) in hints.enumerated() {
      let remaining = widths[index...].reduce(0, +) + 2 * (widths.count - index - 1)
      // If everything left fits, draw it; otherwise keep room for an ellipsis after this hint.
      let reserve = x + remaining <= limit ? 0 : DisplayWidth.of(ellipsis) + 2
      if x + widths[index] > limit - reserve {
        if x + DisplayWidth.of(ellipsis) <= limit {
          terminal.put(text: ellipsis, at: Point(x: x, y: row.y), style: styles.bar)
        }
        break
      }
      terminal.put(text: hint.key, at: Point(x: x, y: row.y), style: styles.key)
      terminal.put(text: hint.label, at: Point(x: x + DisplayWidth.of(hint.key) + 1, y: row.y), style: styles.bar)
      x += widths[index] + 2
    }
  }
}
