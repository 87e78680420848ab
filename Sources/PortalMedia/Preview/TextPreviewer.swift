/// The text page of a text sample at the position or search the options ask for.
enum TextPreviewer {
  /// Builds the page; `notices` collects remarks (a binary-looking file read as text).
  static func page(
    file: SampleFile, isMarkdown: Bool, options: PreviewOptions, rows: Int, notices: inout [String]
  ) -> TextPage {
    let head = file.bytes(at: 0, count: 64 << 10)
    let encoding: TextEncodingGuess
    if let guess = TextEncodingGuess.guess(head, isWholeFile: Int64(head.count) >= file.size) {
      encoding = guess
    } else {
      encoding = .utf8
      notices.append("the bytes look binary; shown as UTF-8 with controls made visible")
    }
    let pager = TextPager(
      file: file, encoding: encoding, columns: options.columns, rows: rows, measure: options.measure)
    let counter = LineCounter(file: file, encoding: encoding)
    var search: TextSearchOutcome?
    var start: (offset: Int64, isLineStart: Bool)
    if let query = options.search {
      let outcome = TextSearcher(file: file, encoding: encoding).run(query, textStart: pager.start)
      search = outcome
      start = pager.lineStart(before: outcome.match ?? max(pager.start, query.from))
    } else {
      switch options.position {
      case .start: start = (pager.start, true)
      case .offset(let offset): start = pager.lineStart(before: offset)
      case .row(let offset):
        let aligned = pager.characterBoundary(offset)
        start = (aligned, aligned <= pager.start || pager.lineStart(before: aligned).offset == aligned)
      case .percent(let percent) where percent < 100:
        start = pager.lineStart(before: Int64(Double(file.size) * max(0, percent) / 100))
      case .line(let number): start = pager.lineStart(before: counter.offset(ofLine: number))
      case .end, .percent:
        let offset = pager.pageBefore(file.size) ?? pager.start
        start = (offset, pager.lineStart(before: offset).offset == offset)
      }
    }
    let laid = pager.layout(from: start.offset, startsLine: start.isLineStart, maxRows: rows)
    // The line holding the first row; each later row that starts a line is the next one.
    var line = counter.line(at: start.offset)
    var textRows: [TextRow] = []
    for (index, raw) in laid.rows.enumerated() {
      if raw.startsLine && index > 0 {
        line = line.advanced(by: 1)
      }
      let shownLine: Count? = raw.startsLine ? line : nil
      var shown = String(raw.text)
      // A row wrapped between words keeps its space in the bytes, not on screen.
      if index + 1 < laid.rows.count && !laid.rows[index + 1].startsLine {
        while shown.last == " " { shown.removeLast() }
      }
      textRows.append(
        TextRow(
          offset: raw.offset, text: TerminalSanitizer.sanitize(shown), line: shownLine, isContinuation: !raw.startsLine)
      )
    }
    return TextPage(
      encoding: encoding, size: file.size, rows: textRows, offset: start.offset, nextOffset: laid.next,
      previousOffset: pager.pageBefore(start.offset), lineCount: counter.total(), isMarkdown: isMarkdown,
      search: search)
  }
}
