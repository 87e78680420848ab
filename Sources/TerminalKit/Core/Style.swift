/// How a cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable {
  /// Foreground (text) colour.
  public var foreground: Color
  /// Background colour.
  public var background: Color
  /// Bold, underline, reverse…
  public var attributes: TextAttributes

  /// Creates a style; every part defaults to the terminal's own.
  public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
    self.foreground = foreground
    self.background = background
    self.attributes = attributes
  }

  /// The terminal's default colours, no attributes.
  public static let plain = Style()

  /// A copy with `extra` attributes added.
  public func adding(_ extra: TextAttributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }

  /// A copy with a different foreground.
  public func foreground(_ color: Color) -> Style {
    var copy = self
    copy.foreground = color
    return copy
  }

  /// A copy with a different background.
  public func background(_ color: Color) -> Style {
    var copy = self
    copy.background = color
    return copy
  }

  /// This style as a terminal of `depth` can show it; colours are stepped down, attributes kept.
  public func downsampled(to depth: ColorDepth) -> Style {
    Style(
      foreground: foreground.downsampled(to: depth), background: background.downsampled(to: depth),
      attributes: attributes)
  }
}
