import PortalMedia
import TerminalKit

// MARK: - Text pages and JSON records

extension PreviewRenderer {
  /// A text page: rows as the model wrapped them; Markdown headings and quotes styled,
  /// search matches reversed.
  func drawText(_ page: TextPage, into terminal: any Terminal, in rect: Rect) {
    var inFence = false
    for (index, row) in page.rows.prefix(rect.height).enumerated() {
      var style = Style.plain
      if page.isMarkdown && !row.isContinuation {
        let text = row.text.text
        if text.hasPrefix("```") { inFence.toggle() }
        if text.hasPrefix("```") || inFence {
          style = styles.quote
        } else if text.hasPrefix("#") {
          style = styles.heading
        } else if text.hasPrefix(">") {
          style = styles.quote
        }
      }
      drawSanitized(
        row.text, at: Point(x: rect.x, y: rect.y + index), width: rect.width, style: style,
        highlight: page.search?.match != nil ? page.search?.query : nil, into: terminal)
    }
    if page.rows.isEmpty {
      terminal.put(text: "(empty)", in: rect.row(0), style: styles.gutter)
    }
  }

  /// A JSONL record, indented two columns per level, long tokens wrapped two columns in
  /// from their line's indent; a parse problem first, in the failure style.
  func drawJSON(_ record: JSONRecordPreview, into terminal: any Terminal, in rect: Rect, scroll: Int)
    -> PreviewDrawResult
  {
    struct Row {
      var x: Int
      var pieces: [(SanitizedText, Style)] = []
    }
    var rows: [Row] = []
    if let problem = record.problem {
      rows.append(
        Row(
          x: 0, pieces: [(SanitizedText(text: terminal.glyphs.cross + " " + problem, escapeRanges: []), styles.failure)]
        ))
    }
    for line in record.lines {
      let indent = min(rect.width / 2, 2 * line.depth)
      let wrapIndent = min(max(0, rect.width - 8), indent + 2)
      var current = Row(x: indent)
      var used = indent
      for token in line.tokens {
        var remaining = token.text
        while true {
          let width = DisplayWidth.of(remaining.text)
          if used + width <= rect.width || remaining.text.isEmpty {
            current.pieces.append((remaining, style(for: token.kind)))
            used += width
            break
          }
          let room = rect.width - used
          if room < 8 && !current.pieces.isEmpty {
            rows.append(current)
            current = Row(x: wrapIndent)
            used = wrapIndent
            continue
          }
          let (head, tail) = split(remaining, columns: max(1, room), atWord: true)
          current.pieces.append((head, style(for: token.kind)))
          rows.append(current)
          current = Row(x: wrapIndent)
          used = wrapIndent
          remaining = tail
        }
      }
      rows.append(current)
    }
    let maxScroll = max(0, rows.count - rect.height)
    let start = min(scroll, maxScroll)
    for (offset, row) in rows[start...].prefix(rect.height).enumerated() {
      var x = rect.x + row.x
      for (text, style) in row.pieces where x < rect.maxX {
        x += drawSanitized(
          text, at: Point(x: x, y: rect.y + offset), width: rect.maxX - x, style: style, into: terminal)
      }
    }
    return PreviewDrawResult(maxScroll: maxScroll)
  }

  func style(for kind: JSONToken.Kind) -> Style {
    switch kind {
    case .key: styles.key
    case .string: styles.string
    case .number: styles.number
    case .literal: styles.literal
    case .punctuation: .plain
    case .fold: styles.fold
    case .raw: styles.failure.foreground(.default)
    }
  }

  /// Splits sanitised text after `columns` display columns, keeping escape ranges.
  /// With `atWord`, the cut moves back to just after the last space when that keeps at
  /// least a third of the row (words stay whole, as in a pager).
  func split(_ text: SanitizedText, columns: Int, atWord: Bool = false) -> (SanitizedText, SanitizedText) {
    let head = DisplayWidth.clip(text.text, to: columns)
    var length = max(1, head.count)
    if atWord, length < text.text.count, let space = head.lastIndex(of: " ") {
      let kept = head.distance(from: head.startIndex, to: space) + 1
      if kept * 3 >= length { length = kept }
    }
    let cut =
      text.text.index(text.text.startIndex, offsetBy: length, limitedBy: text.text.endIndex)
      ?? text.text.endIndex
    func part(_ range: Range<String.Index>) -> SanitizedText {
      let piece = String(text.text[range])
      let ranges = text.escapeRanges.compactMap { escape -> Range<String.Index>? in
        let low = max(escape.lowerBound, range.lowerBound)
        let high = min(escape.upperBound, range.upperBound)
        guard low < high else { return nil }
        let start = text.text.distance(from: range.lowerBound, to: low)
        let length = text.text.distance(from: low, to: high)
        let from = piece.index(piece.startIndex, offsetBy: start)
        return from..<piece.index(from, offsetBy: length)
      }
      return SanitizedText(text: piece, escapeRanges: ranges)
    }
    return (part(text.text.startIndex..<cut), part(cut..<text.text.endIndex))
  }
}
