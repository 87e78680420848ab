/// Builds pages of a text sample by reading only around the page: a position is aligned
/// to the start of its line (or to a character boundary inside a very long line), a
/// window of bytes is decoded there and wrapped to the pane's width.
struct TextPager {
  let file: SampleFile
  let encoding: TextEncodingGuess
  let columns: Int
  let rows: Int
  let measure: @Sendable (Unicode.Scalar) -> Int

  /// How far back a position looks for the start of its line before settling for a
  /// character boundary (a 100 MB line is paged through, not read).
  static let lineSearchLimit = 4096
  /// Largest window decoded for one page.
  static let maxWindow = 4 << 20
  static let tabWidth = 8

  /// Bytes before the text proper (the byte-order mark).
  var start: Int64 { min(file.size, Int64(encoding.byteOrderMarkLength)) }
  /// Bytes per code unit.
  var unit: Int64 { encoding.isASCIICompatible ? 1 : 2 }

  /// A row before wrapping into a `TextRow`.
  struct RawRow {
    var offset: Int64
    var text = String.UnicodeScalarView()
    var startsLine: Bool
  }

  // MARK: - Alignment

  /// Whether the code unit at `index` of `buffer` (aligned) is a line feed.
  @inline(__always)
  func isNewline(_ buffer: UnsafeRawBufferPointer, _ index: Int) -> Bool {
    guard index >= 0 else { return false }
    switch encoding {
    case .utf16LE: return index + 1 < buffer.count && buffer[index] == 0x0A && buffer[index + 1] == 0
    case .utf16BE: return index + 1 < buffer.count && buffer[index] == 0 && buffer[index + 1] == 0x0A
    default: return index < buffer.count && buffer[index] == 0x0A
    }
  }

  /// The first byte of a character at or after `position`.
  func characterBoundary(_ position: Int64) -> Int64 {
    var position = max(start, min(position, file.size))
    if !encoding.isASCIICompatible {
      return position - (position - start) % 2
    }
    guard encoding == .utf8 || encoding == .utf8BOM else { return position }
    let head = file.bytes(at: position, count: 4)
    var index = 0
    while index < 3 && index < head.count && head[index] & 0xC0 == 0x80 { index += 1 }
    position += Int64(index)
    return position
  }

  /// Where the line holding `position` starts, and whether that is a real line start
  /// (false inside a line longer than `lineSearchLimit`).
  func lineStart(before position: Int64) -> (offset: Int64, isLineStart: Bool) {
    let position = characterBoundary(position)
    if position <= start { return (start, true) }
    let from = max(start, position - Int64(Self.lineSearchLimit))
    let back = file.bytes(at: from, count: Int(position - from))
    let found: Int64? = back.withUnsafeBytes { raw in
      var index = raw.count - Int(unit)
      while index >= 0 {
        let aligned = (Int64(index) + from - start) % unit == 0
        if aligned && isNewline(raw, index) { return from + Int64(index) + unit }
        index -= 1
      }
      return nil
    }
    if let found { return (found, true) }
    return from == start ? (start, true) : (position, false)
  }

  // MARK: - Layout

  /// Wraps text from `offset` into rows until `maxRows + 1` rows have started (the extra
  /// row's offset is where the next page begins) or `stop` is reached. Returns the rows
  /// and that next offset (nil at the end of the sample).
  func layout(from offset: Int64, startsLine: Bool, maxRows: Int, stop: Int64? = nil) -> (
    rows: [RawRow], next: Int64?
  ) {
    let wanted = max(16_384, (min(maxRows, 100_000) + 1) * columns * 4 + 16) * Int(unit)
    let limitBytes = stop.map { Int($0 - offset) + 8 } ?? wanted
    let count = Int(min(Int64(min(Self.maxWindow, max(wanted, limitBytes))), file.size - offset))
    let window = file.bytes(at: offset, count: count)
    let atEnd = offset + Int64(window.count) >= file.size
    var rows: [RawRow] = []
    var row = RawRow(offset: offset, startsLine: startsLine)
    var width = 0
    // The last place the row may break between words: scalars before it, the offset of
    // the scalar after it, and the width up to it.
    var wordBreak: (count: Int, offset: Int64, width: Int)?
    var next: Int64?
    window.withUnsafeBytes { raw in
      // Leave a possibly cut character at the window's end for the next read.
      let limit = atEnd ? raw.count : max(0, raw.count - 4)
      var index = 0
      while index < limit {
        let here = offset + Int64(index)
        if let stop, here >= stop {
          if row.offset < stop { rows.append(row) }
          next = here
          return
        }
        let (value, length) = scalar(raw, at: index)
        if value == 0x0D && isNewline(raw, index + length) {
          index += length
          continue
        }
        if value == 0x0A {
          rows.append(row)
          index += length
          row = RawRow(offset: offset + Int64(index), startsLine: true)
          width = 0
          wordBreak = nil
          if rows.count > maxRows {
            return
          }
          continue
        }
        var shown = [Unicode.Scalar(value) ?? "\u{FFFD}"]
        var cells = 0
        if value == 0x09 {
          let spaces = max(1, Self.tabWidth - width % Self.tabWidth)
          shown = Array(repeating: " ", count: min(spaces, max(1, columns - width)))
          cells = shown.count
        } else if TerminalSanitizer.needsEscape(value, false) {
          cells = TerminalSanitizer.visible(value).unicodeScalars.count
        } else {
          cells = max(0, measure(shown[0]))
        }
        if width + cells > columns && !row.text.isEmpty {
          // Wrap at the last space when there is one (words stay whole), else mid-word.
          var carried = String.UnicodeScalarView()
          var next = RawRow(offset: here, startsLine: false)
          if let wordBreak, wordBreak.count > 0, wordBreak.count < row.text.count {
            let cut = row.text.index(row.text.startIndex, offsetBy: wordBreak.count)
            carried = String.UnicodeScalarView(row.text[cut...])
            row.text = String.UnicodeScalarView(row.text[..<cut])
            next.offset = wordBreak.offset
            width -= wordBreak.width
          } else {
            width = 0
          }
          rows.append(row)
          next.text = carried
          row = next
          wordBreak = nil
          if rows.count > maxRows {
            return
          }
        }
        row.text.append(contentsOf: shown)
        width += cells
        index += length
        if value == 0x20 || value == 0x09 {
          wordBreak = (row.text.count, offset + Int64(index), width)
        }
      }
      if !row.text.isEmpty { rows.append(row) }
      next = atEnd ? nil : offset + Int64(index)
    }
    if rows.count > maxRows {
      next = rows[maxRows].offset
      rows.removeLast(rows.count - maxRows)
    }
    return (rows, next)
  }

  /// The scalar at `index` and its length in bytes (U+FFFD for ill-formed input).
  @inline(__always)
  func scalar(_ raw: UnsafeRawBufferPointer, at index: Int) -> (UInt32, Int) {
    switch encoding {
    case .utf8, .utf8BOM:
      let lead = raw[index]
      return lead < 0x80 ? (UInt32(lead), 1) : TextDecoding.decodeUTF8(raw, at: index)
    case .windows1252:
      var value: UInt32 = 0
      TextDecoding.forEachScalar(UnsafeRawBufferPointer(rebasing: raw[index..<(index + 1)]), encoding: encoding) {
        value = $0
        return false
      }
      return (value, 1)
    case .utf16LE, .utf16BE:
      guard index + 1 < raw.count else { return (TextDecoding.replacement, 1) }
      let end = min(raw.count, index + 4)
      var value: UInt32 = TextDecoding.replacement
      TextDecoding.forEachScalar(UnsafeRawBufferPointer(rebasing: raw[index..<end]), encoding: encoding) {
        value = $0
        return false
      }
      return (value, value > 0xFFFF ? 4 : 2)
    }
  }

  /// The offset of the page that ends where `position` begins.
  func pageBefore(_ position: Int64) -> Int64? {
    guard position > start else { return nil }
    let window = Int64(max(16_384, (rows + 1) * columns * 4)) * unit
    let (from, isLineStart) = lineStart(before: max(start, position - window))
    let laid = layout(from: from, startsLine: isLineStart, maxRows: Int.max - 1, stop: position)
    let offsets = laid.rows.map(\.offset).filter { $0 < position }
    guard !offsets.isEmpty else { return from < position ? from : nil }
    return offsets[max(0, offsets.count - rows)]
  }
}
