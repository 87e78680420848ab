import PortalCore

/// Tells the text formats apart: the extension first (`.md`, `.jsonl`, `.csv`, `.tsv`),
/// then the first lines' content (JSON objects, a consistent delimiter count).
enum TextFormatSniffer {
  /// Lines looked at when sniffing content.
  private static let sampleLines = 10

  static func classify(
    _ head: UnsafeRawBufferPointer, encoding: TextEncodingGuess, fileExtension: String, isWholeFile: Bool
  ) -> MediaDetection {
    guard encoding.isASCIICompatible else {
      // Records are framed on bytes; UTF-16 would need transcoding first.
      var detection = MediaDetection(mediaType: isMarkdown(fileExtension) ? .markdown : .plainText, encoding: encoding)
      if ["jsonl", "ndjson", "csv", "tsv"].contains(fileExtension) {
        detection.notes.append(
          "UTF-16 \(fileExtension.uppercased()) is imported as one text sample; convert it to UTF-8 for one sample per record"
        )
      }
      return detection
    }
    let body = UnsafeRawBufferPointer(rebasing: head[encoding.byteOrderMarkLength...])
    let lines = firstLines(body, isWholeFile: isWholeFile)
    switch fileExtension {
    case "md", "markdown": return MediaDetection(mediaType: .markdown, encoding: encoding)
    case "jsonl", "ndjson": return MediaDetection(mediaType: .jsonl, encoding: encoding)
    case "csv": return table(.csv, delimiter: commaOrSemicolon(lines), body: body, encoding: encoding)
    case "tsv", "tab": return table(.tsv, delimiter: 0x09, body: body, encoding: encoding)
    default: break
    }
    if !lines.isEmpty && lines.allSatisfy(isJSONObjectLine) {
      return MediaDetection(mediaType: .jsonl, encoding: encoding)
    }
    for delimiter: UInt8 in [0x09, 0x2C, 0x3B] where hasConsistentCount(of: delimiter, in: lines) {
      return table(delimiter == 0x09 ? .tsv : .csv, delimiter: delimiter, body: body, encoding: encoding)
    }
    return MediaDetection(mediaType: .plainText, encoding: encoding)
  }

  private static func isMarkdown(_ fileExtension: String) -> Bool {
    fileExtension == "md" || fileExtension == "markdown"
  }

  private static func table(
    _ type: MediaType, delimiter: UInt8, body: UnsafeRawBufferPointer, encoding: TextEncodingGuess
  ) -> MediaDetection {
    let rows = CSVFields.firstRows(body, delimiter: delimiter, limit: sampleLines, encoding: encoding)
    let header = rows.first ?? []
    // A header names columns: no empty, numeric or repeated names.
    let looksLikeHeader =
      !header.isEmpty && Set(header).count == header.count
      && header.allSatisfy { !$0.isEmpty && Double($0.trimmingSpaces) == nil }
    let dialect = TableDialect(delimiter: delimiter, hasHeader: looksLikeHeader, columns: looksLikeHeader ? header : [])
    return MediaDetection(mediaType: type, encoding: encoding, table: dialect)
  }

  /// Up to `sampleLines` non-blank lines, without line terminators; a line cut by the
  /// end of a partial head is left out.
  private static func firstLines(_ body: UnsafeRawBufferPointer, isWholeFile: Bool) -> [UnsafeRawBufferPointer] {
    var lines: [UnsafeRawBufferPointer] = []
    var start = 0
    while lines.count < sampleLines && start < body.count {
      let newline = body[start...].firstIndex(of: 0x0A)
      guard newline != nil || isWholeFile else { break }
      var end = newline ?? body.count
      if end > start && body[end - 1] == 0x0D { end -= 1 }
      let line = UnsafeRawBufferPointer(rebasing: body[start..<end])
      if line.contains(where: { !isSpace($0) }) { lines.append(line) }
      start = (newline ?? body.count) + 1
    }
    return lines
  }

  private static func isJSONObjectLine(_ line: UnsafeRawBufferPointer) -> Bool {
    guard let first = line.firstIndex(where: { !isSpace($0) }),
      let last = line.lastIndex(where: { !isSpace($0) })
    else { return false }
    return line[first] == UInt8(ascii: "{") && line[last] == UInt8(ascii: "}")
  }

  /// At least two lines, each with the same non-zero count of the delimiter outside quotes.
  private static func hasConsistentCount(of delimiter: UInt8, in lines: [UnsafeRawBufferPointer]) -> Bool {
    guard lines.count >= 2 else { return false }
    let first = count(delimiter, in: lines[0])
    return first > 0 && lines.dropFirst().allSatisfy { count(delimiter, in: $0) == first }
  }

  private static func commaOrSemicolon(_ lines: [UnsafeRawBufferPointer]) -> UInt8 {
    let semicolon = UInt8(ascii: ";")
    let comma = UInt8(ascii: ",")
    return hasConsistentCount(of: semicolon, in: lines) && !hasConsistentCount(of: comma, in: lines) ? semicolon : comma
  }

  private static func count(_ delimiter: UInt8, in line: UnsafeRawBufferPointer) -> Int {
    var inQuotes = false
    var total = 0
    for byte in line {
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if byte == delimiter && !inQuotes {
        total += 1
      }
    }
    return total
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
}

extension String {
  /// The string without leading and trailing ASCII spaces and tabs.
  var trimmingSpaces: Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return self[first...last]
  }
}
