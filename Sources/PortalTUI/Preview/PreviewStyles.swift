import TerminalKit

/// The looks of a preview; one set for the TUI pane and `portal preview` alike.
public struct PreviewStyles: Sendable {
  /// The sample's title row.
  public var title = Style(attributes: .bold)
  /// The facts row.
  public var facts = Style(foreground: .brightBlack)
  /// Notices at the bottom (missing tools, damaged files).
  public var notice = Style(foreground: .yellow)
  /// A reason nothing can be shown.
  public var failure = Style(foreground: .red, attributes: .bold)
  /// Controls and escape sequences from the content, shown as visible escapes.
  public var escape = Style(attributes: .dim)
  /// Search matches.
  public var match = Style(attributes: .reverse)
  /// Markdown headings.
  public var heading = Style(foreground: .cyan, attributes: .bold)
  /// Markdown quotes and code fences.
  public var quote = Style(foreground: .brightBlack)
  /// JSON keys.
  public var key = Style(foreground: .blue, attributes: .bold)
  /// JSON strings.
  public var string = Style(foreground: .green)
  /// JSON numbers.
  public var number = Style(foreground: .magenta)
  /// JSON true/false/null.
  public var literal = Style(foreground: .yellow)
  /// Folded parts ("… 3,120 more bytes").
  public var fold = Style(foreground: .brightBlack, attributes: .italic)
  /// Table header.
  public var header = Style(attributes: [.bold, .underline])
  /// The sample's own row in a table.
  public var highlighted = Style(attributes: .reverse)
  /// Row numbers and other labels.
  public var gutter = Style(foreground: .brightBlack)
  /// The waveform's bars.
  public var wave = Style(foreground: .green)

  /// The default looks.
  public init() {}
}
