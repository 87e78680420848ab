import PortalCore

/// A CSV/TSV sample as a table row among its neighbours, with the file's header on top.
enum TablePreviewer {
  /// Bytes of a row read at most (a 100 MB "row" is shown by its beginning).
  static let maxRowBytes = 64 << 10
  /// Characters kept per cell.
  static let maxCellCharacters = 200
  /// Columns kept per row.
  static let maxColumns = 256

  static func table(source: PreviewSource, notices: inout [String]) throws(PreviewError) -> TablePreview {
    let file = try SampleFile(path: source.path)
    let head = file.bytes(at: 0, count: MediaDetector.headLength)
    let fileExtension = source.path.split(separator: ".").last.map(String.init) ?? ""
    let detection = MediaDetector.detect(
      head, fileExtension: fileExtension, isWholeFile: Int64(head.count) >= file.size)
    let encoding = detection?.encoding ?? .utf8
    let delimiter = detection?.table?.delimiter ?? (source.mediaType == .tsv ? 0x09 : UInt8(ascii: ","))
    let quoting = source.mediaType != .tsv
    var header: [SanitizedText]?
    if let dialect = detection?.table, dialect.hasHeader {
      header = dialect.columns.prefix(maxColumns).map { TerminalSanitizer.sanitize(clip($0)) }
    }
    var records = source.neighbours
    if !records.contains(where: { $0.ordinal == source.ordinal }) {
      records.append(PreviewRecord(ordinal: source.ordinal, offset: source.offset, length: source.length))
    }
    records.sort { $0.offset < $1.offset }
    var rows: [TableRow] = []
    var highlighted: Int?
    for record in records {
      let wanted = Int(min(Int64(maxRowBytes), record.length))
      var bytes = file.bytes(at: record.offset, count: wanted)
      if record.length > Int64(maxRowBytes) && record.ordinal == source.ordinal {
        notices.append("the row is \(record.length) bytes long; its first \(maxRowBytes / 1024) KB are shown")
      }
      if bytes.count < wanted {
        throw .unreadable("the file is shorter than when it was imported (run `portal import --rescan`)")
      }
      if !encoding.isASCIICompatible { bytes = Array(TextDecoding.string(bytes, encoding: encoding).utf8) }
      if record.ordinal == source.ordinal { highlighted = rows.count }
      rows.append(
        TableRow(
          ordinal: record.ordinal, cells: cells(bytes, delimiter: delimiter, quoting: quoting, encoding: encoding)))
    }
    return TablePreview(header: header, rows: rows, highlighted: highlighted)
  }

  /// The record's fields, each sanitised to one line.
  static func cells(_ bytes: [UInt8], delimiter: UInt8, quoting: Bool, encoding: TextEncodingGuess) -> [SanitizedText] {
    var fields: [[UInt8]] = []
    var field: [UInt8] = []
    bytes.withUnsafeBytes { raw in
      CSVFields.scan(
        raw, delimiter: delimiter, quoting: quoting,
        onByte: { byte in if field.count < maxCellCharacters * 4 { field.append(byte) } },
        onFieldEnd: {
          if fields.count < maxColumns { fields.append(field) }
          field = []
        })
    }
    return fields.map { bytes in
      let text =
        encoding == .windows1252
        ? TextDecoding.string(bytes, encoding: encoding) : String(decoding: bytes, as: UTF8.self)
      return TerminalSanitizer.sanitize(clip(text))
    }
  }

  static func clip(_ text: String) -> String {
    text.count > maxCellCharacters ? String(text.prefix(maxCellCharacters)) + "…" : text
  }
}
