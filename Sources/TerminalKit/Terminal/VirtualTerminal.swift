/// An in-memory terminal: a grid of styled cells for tests, golden files and demo recording.
///
/// Like a real screen it has a back buffer and a presented frame; ``present()`` copies one to the
/// other and records how many cells changed, so tests can prove that redraws stay incremental.
/// Input comes from a script of events fed with ``enqueue(_:)``. Confined to one thread.
public final class VirtualTerminal: Terminal {
  /// Current size in cells.
  public private(set) var size: Size
  /// Depth that written styles are stepped down to (goldens show what such a terminal gets).
  public var colorDepth: ColorDepth
  /// Drawing characters offered to widgets.
  public var glyphs: Glyphs
  /// Cells that differed from the previous frame at the last ``present()``.
  public private(set) var lastPresentChangedCells = 0
  /// How many times ``present()`` has been called.
  public private(set) var presentCount = 0
  /// Where the cursor shows after the last present, or nil when hidden.
  public private(set) var presentedCursor: Point?

  private var buffer: [Cell]
  private var screen: [Cell]
  private var cursor: Point?
  private var events: [InputEvent] = []
  private var nextEvent = 0

  /// Creates a blank terminal.
  public init(size: Size, colorDepth: ColorDepth = .truecolor, glyphs: Glyphs = .unicode) {
    self.size = size
    self.colorDepth = colorDepth
    self.glyphs = glyphs
    buffer = Array(repeating: .blank, count: size.width * size.height)
    screen = buffer
  }

  // MARK: - Terminal

  /// Writes text cell by cell (see ``Terminal/put(text:at:style:)``).
  public func put(text: String, at point: Point, style: Style) {
    guard point.y >= 0, point.y < size.height else { return }
    let shown = style.downsampled(to: colorDepth)
    var x = point.x
    for (grapheme, width) in DisplayWidth.cells(text) {
      if x >= size.width { break }
      if x >= 0 { write(grapheme, width: width, x: x, y: point.y, style: shown) }
      x += width
    }
  }

  /// Writes one cell; its grapheme is measured and sanitised like text.
  public func put(cell: Cell, at point: Point) {
    put(text: cell.grapheme, at: point, style: cell.style)
  }

  /// Fills a rectangle with one grapheme.
  public func fill(_ rect: Rect, with grapheme: String, style: Style) {
    let cells = DisplayWidth.cells(grapheme)
    let (glyph, width) = cells.first ?? (" ", 1)
    let shown = style.downsampled(to: colorDepth)
    let clipped = Rect(
      x: max(0, rect.x), y: max(0, rect.y), width: min(rect.maxX, size.width) - max(0, rect.x),
      height: min(rect.maxY, size.height) - max(0, rect.y))
    for y in clipped.y..<clipped.maxY {
      var x = clipped.x
      while x < clipped.maxX {
        write(
          x + width <= clipped.maxX ? glyph : " ", width: x + width <= clipped.maxX ? width : 1, x: x, y: y,
          style: shown)
        x += width
      }
    }
  }

  /// Blanks the back buffer.
  public func clear() {
    for index in buffer.indices { buffer[index] = .blank }
  }

  /// Makes the back buffer the visible frame and counts changed cells.
  public func present() {
    var changed = 0
    for index in buffer.indices where buffer[index] != screen[index] {
      screen[index] = buffer[index]
      changed += 1
    }
    lastPresentChangedCells = changed
    presentCount += 1
    presentedCursor = cursor
  }

  /// Shows the cursor at `point` from the next present.
  public func showCursor(at point: Point) { cursor = point }

  /// Hides the cursor from the next present.
  public func hideCursor() { cursor = nil }

  /// The next scripted event, or nil when the script is exhausted (never waits).
  public func readEvent(timeout: Duration?) -> InputEvent? {
    guard nextEvent < events.count else { return nil }
    defer { nextEvent += 1 }
    return events[nextEvent]
  }

  // MARK: - Test controls

  /// Appends events to the input script.
  public func enqueue(_ newEvents: [InputEvent]) { events.append(contentsOf: newEvents) }

  /// Appends one event to the input script.
  public func enqueue(_ event: InputEvent) { events.append(event) }

  /// Changes the size (content is kept where it fits) and queues a resize event, like SIGWINCH.
  public func resize(to newSize: Size) {
    var newBuffer = Array(repeating: Cell.blank, count: newSize.width * newSize.height)
    var newScreen = newBuffer
    for y in 0..<min(size.height, newSize.height) {
      for x in 0..<min(size.width, newSize.width) {
        newBuffer[y * newSize.width + x] = buffer[y * size.width + x]
        newScreen[y * newSize.width + x] = screen[y * size.width + x]
      }
    }
    size = newSize
    buffer = newBuffer
    screen = newScreen
    enqueue(.resize(newSize))
  }

  /// The presented cell at `point` (a blank outside the screen).
  public func cell(at point: Point) -> Cell {
    guard point.x >= 0, point.y >= 0, point.x < size.width, point.y < size.height else { return .blank }
    return screen[point.y * size.width + point.x]
  }

  /// The presented frame, row `y`, as cells.
  func presentedRow(_ y: Int) -> ArraySlice<Cell> { screen[(y * size.width)..<((y + 1) * size.width)] }

  // MARK: - Cell writes

  /// Writes a grapheme, keeping wide graphemes whole: overwriting either half of a wide grapheme
  /// blanks the other half, and a wide grapheme that would cross the right edge becomes a space.
  private func write(_ grapheme: String, width: Int, x: Int, y: Int, style: Style) {
    let rowStart = y * size.width
    if width == 2 && x + 1 >= size.width {
      write(" ", width: 1, x: x, y: y, style: style)
      return
    }
    for column in x..<(x + width) {
      let cell = buffer[rowStart + column]
      if cell.isContinuation, column > 0 {
        buffer[rowStart + column - 1] = Cell(" ", style: buffer[rowStart + column - 1].style)
      }
      if column + 1 < size.width, buffer[rowStart + column + 1].isContinuation {
        buffer[rowStart + column + 1] = Cell(" ", style: buffer[rowStart + column + 1].style)
      }
    }
    buffer[rowStart + x] = Cell(grapheme, style: style)
    if width == 2 { buffer[rowStart + x + 1] = .continuation(style: style) }
  }
}
