/// A read-only text viewer: wraps by display width, scrolls, and highlights search matches.
public struct TextPager: Sendable {
  /// Colours of the parts of a pager.
  public struct Styles: Hashable, Sendable {
    /// Body text.
    public var text = Style.plain
    /// Search matches.
    /// (Reverse video with a colour: a yellow bar in colour, still visible in mono.)
    public var match = Style(foreground: .yellow, attributes: .reverse)
    /// The current search match.
    public var currentMatch = Style(foreground: .yellow, attributes: [.reverse, .bold, .underline])

    /// The default styles.
    public init() {}
  }

  /// A match: wrapped line index and the column range it covers.
  public struct Match: Hashable, Sendable {
    /// Index into the wrapped lines.
    public var line: Int
    /// First column of the match.
    public var column: Int
    /// Width in columns.
    public var width: Int
  }

  /// The text shown (sanitised by the caller: the pager draws control characters as `?`).
  public var text: String {
    didSet { wrapWidth = -1 }
  }
  /// The search query ("" for none); matching ignores case.
  public var query = "" {
    didSet {
      wrapWidth = -1
      currentMatch = nil
    }
  }
  /// Index of the first wrapped line on screen.
  public private(set) var scrollOffset = 0
  /// Index into ``matches`` of the current match.
  public private(set) var currentMatch: Int?
  /// Styles.
  public var styles = Styles()
  /// Lines after wrapping at the last render width.
  public private(set) var lines: [String] = []
  /// Matches of ``query`` in ``lines``.
  public private(set) var matches: [Match] = []
  private var wrapWidth = -1
  private var pageSize = 1

  /// Creates a pager over `text`.
  public init(text: String) { self.text = text }

  /// Re-wraps and re-searches when the width, text or query changed since the last call.
  public mutating func layout(width: Int) {
    guard width != wrapWidth else { return }
    wrapWidth = width
    lines = DisplayWidth.wrap(text, width: width)
    matches = query.isEmpty ? [] : lines.indices.flatMap { Self.find(query, in: lines[$0], line: $0) }
    // A new search starts with no current match; the first jump goes to the first one.
    if let current = currentMatch, current >= matches.count { currentMatch = nil }
  }

  /// Draws the visible lines with matches highlighted.
  public mutating func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    layout(width: rect.width)
    pageSize = rect.height
    scrollOffset = max(0, min(scrollOffset, lines.count - pageSize))
    for row in 0..<rect.height {
      let index = scrollOffset + row
      terminal.put(text: index < lines.count ? lines[index] : "", in: rect.row(row), style: styles.text)
    }
    for (number, match) in matches.enumerated() where match.line >= scrollOffset && match.line < scrollOffset + pageSize
    {
      let piece = DisplayWidth.slice(lines[match.line], from: match.column, width: match.width)
      let style = number == currentMatch ? styles.currentMatch : styles.match
      terminal.put(
        text: piece, at: Point(x: rect.x + match.column, y: rect.y + match.line - scrollOffset), style: style)
    }
  }

  /// Moves to the next (or previous) match and scrolls it into view; wraps around. Matches are
  /// found when the pager is laid out, so call this after a render (or ``layout(width:)``).
  public mutating func jumpToMatch(forward: Bool = true) {
    guard !matches.isEmpty else { return }
    let count = matches.count
    currentMatch = ((currentMatch ?? (forward ? -1 : 0)) + (forward ? 1 : -1) + count) % count
    if let currentMatch {
      let line = matches[currentMatch].line
      if line < scrollOffset || line >= scrollOffset + pageSize { scrollOffset = max(0, line - pageSize / 2) }
    }
  }

  /// Scrolling keys and the mouse wheel; letter keys (`n`/`N` for matches…) are left to the
  /// screen's key map, which calls ``jumpToMatch(forward:)``.
  public mutating func handle(_ event: InputEvent) -> Bool {
    let last = max(0, lines.count - pageSize)
    switch event {
    case .key(.up): scrollOffset = max(0, scrollOffset - 1)
    case .key(.down): scrollOffset = min(last, scrollOffset + 1)
    case .mouse(let mouse) where mouse.action == .wheelUp: scrollOffset = max(0, scrollOffset - 3)
    case .mouse(let mouse) where mouse.action == .wheelDown: scrollOffset = min(last, scrollOffset + 3)
    case .key(.pageUp): scrollOffset = max(0, scrollOffset - pageSize)
    case .key(.pageDown): scrollOffset = min(last, scrollOffset + pageSize)
    case .key(.home): scrollOffset = 0
    case .key(.end): scrollOffset = last
    default: return false
    }
    return true
  }

  /// Case-insensitive occurrences of `query` in `line`, as column ranges.
  static func find(_ query: String, in line: String, line index: Int) -> [Match] {
    let needle = Array(query.lowercased())
    let haystack = Array(line)
    let lowered = haystack.map { Character($0.lowercased()) }
    guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
    var result: [Match] = []
    var start = 0
    var column = 0
    var columnsBefore: [Int] = []
    columnsBefore.reserveCapacity(haystack.count)
    for character in haystack {
      columnsBefore.append(column)
      column += DisplayWidth.of(character)
    }
    while start + needle.count <= haystack.count {
      if Array(lowered[start..<(start + needle.count)]) == needle {
        let width = DisplayWidth.of(String(haystack[start..<(start + needle.count)]))
        result.append(Match(line: index, column: columnsBefore[start], width: width))
        start += needle.count
      } else {
        start += 1
      }
    }
    return result
  }
}
