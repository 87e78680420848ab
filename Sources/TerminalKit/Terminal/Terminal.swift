/// A screen that widgets draw into and the UI loop reads events from.
///
/// Implementations are classes confined to the one thread that runs the UI loop (ncurses is not
/// thread-safe), so the protocol is deliberately not `Sendable`: workers post events to the loop,
/// they never draw. Writes go to a back buffer; nothing reaches the screen until ``present()``,
/// which the loop calls once per event.
public protocol Terminal: AnyObject {
  /// Current size in cells; changes after a ``InputEvent/resize(_:)`` event.
  var size: Size { get }
  /// How many colours styles are stepped down to.
  var colorDepth: ColorDepth { get }
  /// The drawing characters widgets should use.
  var glyphs: Glyphs { get }

  /// Writes `text` from `point` rightwards, one grapheme per cell (two for wide ones), clipped
  /// at the right edge without splitting a wide grapheme; control characters show as `?`.
  func put(text: String, at point: Point, style: Style)
  /// Writes one cell; a wide grapheme also claims the cell to its right.
  func put(cell: Cell, at point: Point)
  /// Fills every cell of `rect` (clipped to the screen) with `grapheme` in `style`.
  func fill(_ rect: Rect, with grapheme: String, style: Style)
  /// Blanks the whole back buffer in the plain style.
  func clear()
  /// Sends what changed since the last present to the screen in one batch.
  func present()
  /// Shows the text cursor at `point` after the next present (for text fields).
  func showCursor(at point: Point)
  /// Hides the text cursor.
  func hideCursor()
  /// The next input event, waiting at most `timeout` (nil waits for ever); nil on timeout.
  func readEvent(timeout: Duration?) -> InputEvent?
}

extension Terminal {
  /// The whole screen as a rectangle.
  public var bounds: Rect { Rect(size: size) }

  /// Fills `rect` with spaces in `style` (a widget's background).
  public func fill(_ rect: Rect, style: Style) { fill(rect, with: " ", style: style) }

  /// Writes `text` fitted to exactly `rect.width` columns on `rect`'s first row: ellipsised when
  /// too long, padded with spaces in `style` when short.
  public func put(text: String, in rect: Rect, style: Style, alignment: Alignment = .leading) {
    guard !rect.isEmpty else { return }
    let fitted = DisplayWidth.fit(text, to: rect.width, alignment: alignment, ellipsis: glyphs.ellipsis)
    put(text: fitted, at: Point(x: rect.x, y: rect.y), style: style)
  }

  /// Draws a one-cell border around `rect` with an optional title on the top edge.
  public func drawBox(_ rect: Rect, style: Style, title: String? = nil, titleStyle: Style? = nil) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let g = glyphs
    let inner = String(repeating: g.horizontal, count: rect.width - 2)
    put(text: g.topLeft + inner + g.topRight, at: Point(x: rect.x, y: rect.y), style: style)
    put(text: g.bottomLeft + inner + g.bottomRight, at: Point(x: rect.x, y: rect.maxY - 1), style: style)
    for row in (rect.y + 1)..<(rect.maxY - 1) {
      put(text: g.vertical, at: Point(x: rect.x, y: row), style: style)
      put(text: g.vertical, at: Point(x: rect.maxX - 1, y: row), style: style)
    }
    if let title, rect.width > 4 {
      let text = " " + DisplayWidth.truncate(title, to: rect.width - 4, ellipsis: g.ellipsis) + " "
      put(text: text, at: Point(x: rect.x + 1, y: rect.y), style: titleStyle ?? style)
    }
  }
}
