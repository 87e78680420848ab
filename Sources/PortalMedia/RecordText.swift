/// Reads the text of a sample's bytes for consumers outside this module (the
/// delivery bundle): decoding in the guessed encoding and splitting CSV/TSV records
/// into fields with the same rules the import framed them by.
public enum RecordText {
  /// `bytes` as text: the encoding is guessed from them (UTF-8, a byte-order mark,
  /// else Windows-1252); the mark is dropped and anything ill-formed becomes U+FFFD.
  public static func decode(_ bytes: [UInt8], encoding: TextEncodingGuess? = nil) -> String {
    let head = Array(bytes.prefix(65_536))
    let guess = encoding ?? TextEncodingGuess.guess(head, isWholeFile: head.count == bytes.count) ?? .utf8
    let start = bomBytes(guess).map { bytes.starts(with: $0) ? $0.count : 0 } ?? 0
    return TextDecoding.string(Array(bytes[start...]), encoding: guess)
  }

  /// The fields of one CSV (or, with a tab delimiter, TSV) record, decoded as `encoding`.
  public static func fields(_ record: [UInt8], delimiter: UInt8, encoding: TextEncodingGuess = .utf8) -> [String] {
    var fields: [String] = []
    var current: [UInt8] = []
    let body = record.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(record.dropFirst(3)) : record
    body.withUnsafeBytes { raw in
      CSVFields.scan(
        raw, delimiter: delimiter, quoting: true, onByte: { current.append($0) },
        onFieldEnd: {
          fields.append(TextDecoding.string(current, encoding: encoding == .utf8BOM ? .utf8 : encoding))
          current.removeAll(keepingCapacity: true)
        })
    }
    return fields
  }

  private static func bomBytes(_ encoding: TextEncodingGuess) -> [UInt8]? {
    switch encoding {
    case .utf8BOM: [0xEF, 0xBB, 0xBF]
    case .utf16LE: [0xFF, 0xFE]
    case .utf16BE: [0xFE, 0xFF]
    case .utf8, .windows1252: nil
    }
  }
}
