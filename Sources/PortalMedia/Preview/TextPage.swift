/// One screenful of a text sample, wrapped to the pane's width. Only the bytes of the
/// page (and a little around it) were read, so a 1 GB file pages as fast as a small one.
public struct TextPage: Sendable {
  /// The encoding the text was read in (the guess is shown to the user).
  public var encoding: TextEncodingGuess
  /// Bytes in the sample.
  public var size: Int64
  /// The rows of the page, at most the pane's height.
  public var rows: [TextRow]
  /// Offset (in the sample) of the first row.
  public var offset: Int64
  /// Offset of the row after the last shown, or nil when the page reaches the end.
  public var nextOffset: Int64?
  /// Offset of the page before this one, or nil at the start.
  public var previousOffset: Int64?
  /// Lines in the sample: exact for files small enough to count, else estimated.
  public var lineCount: Count
  /// Whether the text is Markdown (headings and quotes are styled).
  public var isMarkdown: Bool
  /// The search that positioned this page, if any.
  public var search: TextSearchOutcome?

  /// Creates a page.
  public init(
    encoding: TextEncodingGuess, size: Int64, rows: [TextRow], offset: Int64, nextOffset: Int64?,
    previousOffset: Int64?, lineCount: Count, isMarkdown: Bool, search: TextSearchOutcome?
  ) {
    self.encoding = encoding
    self.size = size
    self.rows = rows
    self.offset = offset
    self.nextOffset = nextOffset
    self.previousOffset = previousOffset
    self.lineCount = lineCount
    self.isMarkdown = isMarkdown
    self.search = search
  }

  /// How far into the sample the page starts, 0–100.
  public var percent: Int { size > 0 ? Int(offset * 100 / size) : 0 }
}

/// A count that is either known or estimated (shown with "≈").
public enum Count: Sendable, Hashable {
  /// Counted.
  case exact(Int)
  /// Estimated from a sample of the data.
  case estimated(Int)
  /// At least this many: the samples read held no line feed to estimate from (one
  /// 100 MB line, say).
  case atLeast(Int)

  /// The number.
  public var value: Int {
    switch self {
    case .exact(let value), .estimated(let value), .atLeast(let value): value
    }
  }

  /// Whether the number is an estimate or a lower bound.
  public var isEstimate: Bool {
    if case .exact = self { return false }
    return true
  }

  /// The same kind of count, `delta` further on.
  public func advanced(by delta: Int) -> Count {
    switch self {
    case .exact(let value): .exact(value + delta)
    case .estimated(let value): .estimated(value + delta)
    case .atLeast(let value): .atLeast(value + delta)
    }
  }

  /// "29", "≈ 400", "1+", with `format` writing the number.
  public func label(_ format: (Int) -> String) -> String {
    switch self {
    case .exact(let value): format(value)
    case .estimated(let value): "≈ " + format(value)
    case .atLeast(let value): format(value) + "+"
    }
  }
}

/// One display row of a text page.
public struct TextRow: Sendable, Hashable {
  /// Offset in the sample of the row's first byte.
  public var offset: Int64
  /// The row's text, sanitised; tabs expanded.
  public var text: SanitizedText
  /// The 1-based line number when the row starts a line and the number is known.
  public var line: Count?
  /// Whether the row continues the line of the row before (wrapped, or a long line cut).
  public var isContinuation: Bool

  /// Creates a row.
  public init(offset: Int64, text: SanitizedText, line: Count?, isContinuation: Bool) {
    self.offset = offset
    self.text = text
    self.line = line
    self.isContinuation = isContinuation
  }
}

/// Where a text preview starts.
public enum TextPosition: Sendable, Hashable {
  /// At the beginning.
  case start
  /// At the line holding this byte offset (in the sample): a jump.
  case offset(Int64)
  /// Exactly at this row offset (a page's `nextOffset` or `previousOffset`): paging.
  case row(Int64)
  /// At this percentage of the sample's bytes (0–100).
  case percent(Double)
  /// At this 1-based line (estimated in files too large to count).
  case line(Int)
  /// The last page.
  case end
}

/// A search within a text sample, read in chunks from `from`.
public struct TextSearch: Sendable, Hashable {
  /// What to find (ASCII letters match either case).
  public var query: String
  /// Towards the end (`n`) or the start (`N`).
  public var forward: Bool
  /// Offset to search from: forward searches start after it, backward ones before it.
  public var from: Int64

  /// Creates a search.
  public init(query: String, forward: Bool = true, from: Int64 = -1) {
    self.query = query
    self.forward = forward
    self.from = from
  }
}

/// What a search found.
public struct TextSearchOutcome: Sendable, Hashable {
  /// The query, sanitised for showing.
  public var query: String
  /// Offset of the match in the sample, or nil when not found.
  public var match: Int64?
  /// Whether the whole sample was searched (false when the byte budget ran out first).
  public var complete: Bool
  /// Where an incomplete search stopped: search again from here to go on.
  public var searchedTo: Int64

  /// Creates an outcome.
  public init(query: String, match: Int64?, complete: Bool, searchedTo: Int64) {
    self.query = TerminalSanitizer.line(query)
    self.match = match
    self.complete = complete
    self.searchedTo = searchedTo
  }
}
