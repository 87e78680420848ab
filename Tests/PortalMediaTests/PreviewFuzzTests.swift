import PortalCore
import Testing

@testable import PortalMedia

/// Bounded, seeded fuzzing of the parsers previews add: the WAV layout walker, the JSON
/// pretty-printer, CSV cell splitting and the text pager must never crash or hang on
/// random and mutated input, and their results must stay within bounds.
struct PreviewFuzzTests {
  static let iterations = 1_500

  @Test func wavLayoutNeverTrapsAndStaysInsideTheFile() {
    var generator = SeededGenerator(state: 11)
    let valid: [UInt8] =
      Array("RIFF".utf8) + [0x40, 0, 0, 0] + Array("WAVEfmt ".utf8) + [16, 0, 0, 0, 1, 0, 2, 0]
      + [0x44, 0xAC, 0, 0, 0x10, 0xB1, 2, 0, 4, 0, 16, 0] + Array("data".utf8) + [0x10, 0, 0, 0]
      + Array(repeating: 0x7F, count: 16)
    for _ in 0..<Self.iterations {
      var bytes = valid
      for _ in 0..<(1 + Int(generator.next() % 6)) {
        let index = Int(generator.next() % UInt64(bytes.count))
        bytes[index] = UInt8(truncatingIfNeeded: generator.next())
      }
      if generator.next() % 4 == 0 { bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count)))) }
      if generator.next() % 5 == 0 { bytes = FuzzTests.hostileBytes(&generator) }
      let size = Int64(bytes.count)
      if let layout = try? WAVLayout.parse(size: size, read: { MemoryByteSource(data: bytes).bytes(at: $0, count: $1) })
      {
        #expect(layout.dataOffset + layout.dataLength <= size)
        #expect(layout.channels > 0 && layout.sampleRate > 0)
      }
    }
  }

  @Test func jsonPrettyPrinterAlwaysEndsAndKeepsEveryLineSanitised() {
    var generator = SeededGenerator(state: 12)
    let seeds = [#"{"a": [1, 2, {"b": "c\u001b[31m"}], "d": null}"#, #"[true, false, "x", -1.5e3]"#]
    for _ in 0..<Self.iterations {
      var bytes = Array(seeds[Int(generator.next() % 2)].utf8)
      for _ in 0..<Int(generator.next() % 5) {
        bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: Int(generator.next() % UInt64(bytes.count + 1)))
      }
      if generator.next() % 3 == 0 { bytes = FuzzTests.hostileBytes(&generator) }
      let printed = JSONPrettyPrinter.print(bytes)
      #expect(printed.lines.count <= JSONPrettyPrinter.maxLines + 2)
      for line in printed.lines {
        for token in line.tokens {
          #expect(
            !token.text.text.unicodeScalars.contains { $0.value == 0x1B || ($0.value >= 0x80 && $0.value < 0xA0) })
        }
      }
    }
  }

  @Test func csvCellsAreOneSanitisedLineEach() {
    var generator = SeededGenerator(state: 13)
    for _ in 0..<Self.iterations {
      let bytes = FuzzTests.hostileBytes(&generator)
      let cells = TablePreviewer.cells(bytes, delimiter: UInt8(ascii: ","), quoting: true, encoding: .utf8)
      #expect(cells.count <= TablePreviewer.maxColumns)
      for cell in cells {
        #expect(!cell.text.contains("\n") && !cell.text.unicodeScalars.contains { $0.value == 0x1B })
      }
    }
  }

  @Test func textPagerPagesThroughRandomBytesInEveryEncoding() throws {
    var generator = SeededGenerator(state: 14)
    let directory = try TemporaryDirectory()
    for round in 0..<200 {
      let bytes = FuzzTests.hostileBytes(&generator, maxLength: 2_000)
      let path = try directory.write("fuzz-\(round).txt", bytes)
      let file = try SampleFile(path: path)
      let encoding = TextEncodingGuess.allCases[Int(generator.next() % UInt64(TextEncodingGuess.allCases.count))]
      let pager = TextPager(
        file: file, encoding: encoding, columns: 1 + Int(generator.next() % 30), rows: 1 + Int(generator.next() % 6),
        measure: PreviewOptions.approximateWidth)
      var offset = pager.start
      var pages = 0
      while pages < 5_000 {
        let laid = pager.layout(from: offset, startsLine: true, maxRows: pager.rows)
        #expect(laid.rows.count <= pager.rows)
        guard let next = laid.next else { break }
        #expect(next > offset, "paging must always advance")
        if next <= offset { break }
        offset = next
        pages += 1
      }
      #expect(pages < 5_000)
      if let before = pager.pageBefore(file.size) { #expect(before < file.size || file.size == 0) }
    }
  }
}
