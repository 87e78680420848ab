/// Splits CSV/TSV records into fields (RFC 4180: a field starting with `"` is quoted,
/// `""` inside it is one quote; a quote elsewhere is taken literally, as spreadsheets do).
enum CSVFields {
  private static let quote = UInt8(ascii: "\"")

  /// Walks one record's bytes, handing each field byte (quotes removed) to `onByte`
  /// and calling `onFieldEnd` after every field, the last included.
  @inline(__always)
  static func scan(
    _ record: UnsafeRawBufferPointer, delimiter: UInt8, quoting: Bool,
    onByte: (UInt8) -> Void, onFieldEnd: () -> Void
  ) {
    var state = State.fieldStart
    for byte in record {
      switch state {
      case .fieldStart:
        if byte == quote && quoting {
          state = .quoted
        } else if byte == delimiter {
          onFieldEnd()
        } else {
          onByte(byte)
          state = .unquoted
        }
      case .unquoted:
        if byte == delimiter {
          onFieldEnd()
          state = .fieldStart
        } else {
          onByte(byte)
        }
      case .quoted:
        if byte == quote { state = .quoteInQuoted } else { onByte(byte) }
      case .quoteInQuoted:
        if byte == quote {
          onByte(byte)
          state = .quoted
        } else if byte == delimiter {
          onFieldEnd()
          state = .fieldStart
        } else {
          onByte(byte)
          state = .unquoted
        }
      }
    }
    onFieldEnd()
  }

  /// The record's fields joined with " | " appended to `output`, stopping near `limit` bytes.
  static func joined(
    _ record: UnsafeRawBufferPointer, delimiter: UInt8, quoting: Bool, into output: inout [UInt8], limit: Int
  ) {
    var pendingSeparator = false
    scan(
      record, delimiter: delimiter, quoting: quoting,
      onByte: { byte in
        guard output.count < limit else { return }
        if pendingSeparator {
          output.append(contentsOf: [0x20, 0x7C, 0x20])
          pendingSeparator = false
        }
        output.append(byte)
      },
      onFieldEnd: {
        pendingSeparator = !output.isEmpty
      })
  }

  /// The first `limit` records of `body` as strings, for header detection.
  static func firstRows(
    _ body: UnsafeRawBufferPointer, delimiter: UInt8, limit: Int, encoding: TextEncodingGuess
  ) -> [[String]] {
    var rows: [[String]] = []
    var start = 0
    var inQuotes = false
    var index = 0
    func addRecord(endingAt end: Int) {
      var stop = end
      if stop > start && body[stop - 1] == 0x0D { stop -= 1 }
      guard stop > start else { return }
      var fields: [String] = []
      var field: [UInt8] = []
      scan(
        UnsafeRawBufferPointer(rebasing: body[start..<stop]), delimiter: delimiter, quoting: true,
        onByte: { field.append($0) },
        onFieldEnd: {
          fields.append(TextDecoding.string(field, encoding: encoding))
          field.removeAll(keepingCapacity: true)
        })
      rows.append(fields)
    }
    while index < body.count && rows.count < limit {
      let byte = body[index]
      if byte == quote {
        inQuotes.toggle()
      } else if byte == 0x0A && !inQuotes {
        addRecord(endingAt: index)
        start = index + 1
      }
      index += 1
    }
    if rows.count < limit && start < body.count && !inQuotes { addRecord(endingAt: body.count) }
    return rows
  }

  private enum State {
    case fieldStart, unquoted, quoted, quoteInQuoted
  }
}
