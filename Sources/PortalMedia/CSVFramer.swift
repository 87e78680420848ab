import Crypto

/// Splits CSV/TSV into records (RFC 4180: quoted fields may hold delimiters, doubled
/// quotes and line breaks). Empty rows are skipped. A record is its bytes without the
/// `\n`/`\r\n` that ends it.
///
/// With `quoting` off, every line break ends a record: the fallback after an
/// unbalanced quote.
struct CSVFramer {
  private let delimiter: UInt8
  private let quoting: Bool
  private var state = State.fieldStart
  private var accumulator = RecordAccumulator()
  /// 1-based line being read, counting line breaks inside quoted fields.
  private(set) var line: Int
  /// Line on which the current record started.
  private var recordLine: Int
  /// File offset of the current record's first byte.
  private var recordStart: Int64

  /// Where an unterminated quoted field began, once `finish` has found one.
  struct UnbalancedQuote {
    /// Offset of the first byte of the record holding the open quote.
    var offset: Int64
    /// 1-based line on which that record starts.
    var line: Int
  }

  init(delimiter: UInt8, quoting: Bool = true, startingAt offset: Int64 = 0, line: Int = 1) {
    self.delimiter = delimiter
    self.quoting = quoting
    self.line = line
    recordLine = line
    recordStart = offset
  }

  /// Frames the next read, which starts at `fileOffset`.
  mutating func consume(
    _ chunk: UnsafeRawBufferPointer, at fileOffset: Int64, emit: (RecordSpan) throws -> Void
  ) rethrows {
    let quote = UInt8(ascii: "\"")
    var segmentStart = 0
    // Between records, the next one starts here (after a byte-order mark, say).
    if !accumulator.isActive { recordStart = fileOffset }
    for index in 0..<chunk.count {
      let byte = chunk[index]
      switch state {
      case .quoted:
        if byte == quote {
          state = .quoteInQuoted
        } else if byte == 0x0A {
          line += 1
        }
        continue
      case .fieldStart:
        if byte == quote && quoting {
          state = .quoted
          continue
        }
        state = .unquoted
      case .quoteInQuoted:
        if byte == quote {
          state = .quoted
          continue
        }
        state = .unquoted
      case .unquoted: break
      }
      if byte == delimiter {
        state = .fieldStart
      } else if byte == 0x0A {
        try endRecord(UnsafeRawBufferPointer(rebasing: chunk[segmentStart..<index]), emit: emit)
        line += 1
        state = .fieldStart
        segmentStart = index + 1
        recordStart = fileOffset + Int64(segmentStart)
        recordLine = line
      }
    }
    if segmentStart < chunk.count {
      if !accumulator.isActive { accumulator.begin(at: recordStart, line: recordLine) }
      accumulator.append(UnsafeRawBufferPointer(rebasing: chunk[segmentStart...]))
    }
  }

  /// Ends the input: emits a last record without a line break, or, if a quoted field
  /// was never closed, emits nothing more and says where the broken record began.
  mutating func finish(emit: (RecordSpan) throws -> Void) rethrows -> UnbalancedQuote? {
    if state == .quoted { return UnbalancedQuote(offset: recordStart, line: recordLine) }
    if accumulator.isActive { try endRecord(UnsafeRawBufferPointer(start: nil, count: 0), emit: emit) }
    return nil
  }

  private mutating func endRecord(_ piece: UnsafeRawBufferPointer, emit: (RecordSpan) throws -> Void) rethrows {
    if accumulator.isActive {
      try accumulator.finish(piece) { span in
        if span.length > 0 { try emit(span) }
      }
      return
    }
    var count = piece.count
    if count > 0 && piece[count - 1] == 0x0D { count -= 1 }
    guard count > 0 else { return }
    let record = UnsafeRawBufferPointer(rebasing: piece[..<count])
    var hasher = SHA256()
    hasher.update(bufferPointer: record)
    var validator = UTF8Validator()
    validator.feed(record)
    try emit(
      RecordSpan(
        offset: recordStart, length: Int64(count), digest: hasher.finalize(),
        prefix: UnsafeRawBufferPointer(rebasing: record.prefix(RecordAccumulator.prefixLimit)), line: recordLine,
        isValidUTF8: validator.finish()))
  }

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }
}
