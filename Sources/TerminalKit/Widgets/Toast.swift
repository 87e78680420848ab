/// A short message in the bottom-right corner (`✓ Saved`); the screen decides when it expires.
public struct Toast: Hashable, Sendable {
  /// What kind of news it is; picks the symbol and default style.
  public enum Kind: Hashable, Sendable {
    /// Neutral information.
    case info
    /// Something worked.
    case success
    /// Something needs attention.
    case warning
    /// Something failed.
    case error
  }

  /// The message.
  public var message: String
  /// The kind.
  public var kind: Kind
  /// Style; when nil, a default per kind (reverse video, so it stands out in mono too).
  public var style: Style?

  /// Creates a toast.
  public init(_ message: String, kind: Kind = .info, style: Style? = nil) {
    self.message = message
    self.kind = kind
    self.style = style
  }

  /// The style used when none is given.
  public static func defaultStyle(for kind: Kind) -> Style {
    switch kind {
    case .info: return Style(foreground: .cyan, attributes: .reverse)
    case .success: return Style(foreground: .green, attributes: .reverse)
    case .warning: return Style(foreground: .yellow, attributes: .reverse)
    case .error: return Style(foreground: .red, attributes: [.reverse, .bold])
    }
  }

  /// Draws ` ✓ message ` on the last row of `rect`, right-aligned, at most the rect's width.
  public func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    let glyphs = terminal.glyphs
    let symbol: String
    switch kind {
    case .info: symbol = "i"
    case .success: symbol = glyphs.check
    case .warning: symbol = "!"
    case .error: symbol = glyphs.cross
    }
    let text = DisplayWidth.truncate(" \(symbol) \(message) ", to: rect.width, ellipsis: glyphs.ellipsis)
    let width = DisplayWidth.of(text)
    terminal.put(
      text: text, at: Point(x: rect.maxX - width, y: rect.maxY - 1), style: style ?? Self.defaultStyle(for: kind))
  }
}
