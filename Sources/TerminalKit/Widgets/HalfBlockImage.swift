/// An RGB image drawn with half blocks: each cell shows two pixels stacked, `▀` in the upper
/// pixel's colour over a background of the lower one. Works in any colour terminal, tmux and SSH.
///
/// Colours go through the terminal's depth: truecolor and 256 as they are (the terminal steps
/// them down), 16 colours dithered here first (an image looks far better dithered than
/// nearest-mapped), and mono or ASCII glyphs as density characters by brightness.
public struct HalfBlockImage: Sendable {
  /// The image.
  public var image: PixelBuffer
  /// Dithering used at 16 colours.
  public var dithering: DitherMethod

  /// Creates an image view.
  public init(image: PixelBuffer, dithering: DitherMethod = .floydSteinberg) {
    self.image = image
    self.dithering = dithering
  }

  /// Draws the image scaled to fit `rect` (two pixel rows per cell row), top-left aligned.
  public func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let fitted = image.scaledToFit(maxWidth: rect.width, maxHeight: rect.height * 2)
    guard fitted.width > 0, fitted.height > 0 else { return }
    let glyphs = terminal.glyphs
    if terminal.colorDepth == .mono || glyphs.isASCII {
      renderDensity(fitted, into: terminal, at: rect, ramp: glyphs.density)
      return
    }
    let colors: [Color]
    if terminal.colorDepth == .ansi16 {
      colors = Dithering.ansi16Indices(fitted, method: dithering).map { Color.ansi($0) }
    } else {
      colors = fitted.pixels.map { Color.rgb($0.r, $0.g, $0.b) }
    }
    for row in 0..<((fitted.height + 1) / 2) {
      for x in 0..<fitted.width {
        let upper = colors[2 * row * fitted.width + x]
        let lowerY = 2 * row + 1
        let lower = lowerY < fitted.height ? colors[lowerY * fitted.width + x] : Color.default
        terminal.put(
          text: glyphs.upperHalfBlock, at: Point(x: rect.x + x, y: rect.y + row),
          style: Style(foreground: upper, background: lower))
      }
    }
  }

  /// Brightness as density characters, averaging each cell's two pixels.
  private func renderDensity(_ fitted: PixelBuffer, into terminal: any Terminal, at rect: Rect, ramp: [String]) {
    for row in 0..<((fitted.height + 1) / 2) {
      var line = ""
      for x in 0..<fitted.width {
        let upper = fitted[x, 2 * row].luma
        let lower = 2 * row + 1 < fitted.height ? fitted[x, 2 * row + 1].luma : upper
        let level = min(ramp.count - 1, (upper + lower) / 2 * ramp.count / 256)
        line += ramp[level]
      }
      terminal.put(text: line, at: Point(x: rect.x, y: rect.y + row), style: .plain)
    }
  }
}
