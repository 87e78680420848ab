import PortalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Records (JSONL lines, CSV rows)

extension AnalysisRun {
  /// Turns a JSONL line into a sample: the excerpt comes from its text field if it has
  /// one, else from the raw line.
  mutating func emitLine(
    _ span: RecordSpan, encoding: TextEncodingGuess, _ onSample: (AnalyzedSample) throws -> Void
  ) throws {
    if !span.isValidUTF8 {
      addProblem("line \(span.line): not valid UTF-8 (kept as a sample; its excerpt shows U+FFFD)")
    }
    let excerpt: String?
    if let field = JSONTextField.find(in: span.prefix) {
      let raw = UnsafeRawBufferPointer(rebasing: span.prefix[field])
      if let base = raw.baseAddress, memchr(base, 0x5C, raw.count) != nil {
        let count = jsonScratch.withUnsafeMutableBufferPointer { JSONTextField.unescape(raw, into: $0) }
        excerpt = jsonScratch.withUnsafeBytes {
          excerpts.excerpt(UnsafeRawBufferPointer(rebasing: $0[..<count]), encoding: encoding)
        }
      } else {
        // No escapes: the raw value is the text.
        excerpt = excerpts.excerpt(raw, encoding: encoding)
      }
    } else {
      excerpt = excerpts.excerpt(
        UnsafeRawBufferPointer(rebasing: span.prefix.prefix(Self.excerptSourceLimit)), encoding: encoding)
    }
    file.sampleCount += 1
    try onSample(
      AnalyzedSample(
        offset: span.offset, length: span.length, sha256: Hex.string(span.digest), mediaType: .jsonl,
        excerpt: excerpt))
  }

  /// Turns a CSV/TSV row into a sample whose excerpt is its fields joined with " | ".
  mutating func emitRow(
    _ span: RecordSpan, table: TableDialect, quoting: Bool, encoding: TextEncodingGuess,
    _ onSample: (AnalyzedSample) throws -> Void
  ) throws {
    scratch.removeAll(keepingCapacity: true)
    CSVFields.joined(
      span.prefix, delimiter: table.delimiter, quoting: quoting, into: &scratch, limit: Self.excerptSourceLimit)
    let excerpt = scratch.withUnsafeBytes { excerpts.excerpt($0, encoding: encoding) }
    file.sampleCount += 1
    try onSample(
      AnalyzedSample(
        offset: span.offset, length: span.length, sha256: Hex.string(span.digest),
        mediaType: file.mediaType ?? .csv, excerpt: excerpt))
  }

  /// After an unbalanced quote: the rows from the broken one on are framed again, one per
  /// line, quotes taken literally, so the rest of the file is not one giant sample.
  mutating func reframe(
    from broken: CSVFramer.UnbalancedQuote, reader: ChunkReader, table: TableDialect, encoding: TextEncodingGuess,
    _ onSample: (AnalyzedSample) throws -> Void
  ) throws {
    addProblem(
      "line \(broken.line): unbalanced quote; from this line on, rows were split at line breaks with quotes taken literally"
    )
    var framer = CSVFramer(delimiter: table.delimiter, quoting: false, startingAt: broken.offset, line: broken.line)
    var offset = broken.offset
    while true {
      guard case .success(let count) = reader.fill(at: offset), count > 0 else { break }
      try framer.consume(UnsafeRawBufferPointer(rebasing: reader.buffer[..<count]), at: offset) { span in
        try emitRow(span, table: table, quoting: false, encoding: encoding, onSample)
      }
      offset += Int64(count)
      if count < reader.buffer.count { break }
    }
    _ = try framer.finish { span in
      try emitRow(span, table: table, quoting: false, encoding: encoding, onSample)
    }
  }
}
