import Foundation
import PortalCore
import Testing

@testable import PortalMedia

/// Preview models built from real files: text paging and search over files larger than
/// any window, encodings, WAV sample formats, JSON folding, images and their refusals.
struct PreviewModelTests {
  func source(_ path: String, _ type: MediaType, offset: Int64 = 0, length: Int64? = nil) throws -> PreviewSource {
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    return PreviewSource(
      path: path, relativePath: (path as NSString).lastPathComponent, offset: offset, length: length ?? size - offset,
      mediaType: type, ordinal: 0)
  }

  func text(_ preview: SamplePreview) throws -> TextPage {
    guard case .text(let page) = preview.content else {
      Issue.record("expected a text page, got \(preview.content)")
      throw CancellationError()
    }
    return page
  }

  @Test func pagingForwardThenBackLandsOnTheSameRowsAndNumbersLines() throws {
    let directory = try TemporaryDirectory()
    let lines = (1...500).map { "line \($0) " + String(repeating: "word ", count: $0 % 17) }
    let path = try directory.write("book.txt", Array(lines.joined(separator: "\n").utf8))
    let options = PreviewOptions(columns: 40, rows: 10)
    let first = try text(SamplePreviewer.preview(try source(path, .plainText), options: options))
    #expect(first.rows.first?.text.text == "line 1 word ")
    #expect(first.lineCount == .exact(500))
    #expect(first.previousOffset == nil)
    let nextOffset = try #require(first.nextOffset)
    var paged = options
    paged.position = .row(nextOffset)
    let second = try text(SamplePreviewer.preview(try source(path, .plainText), options: paged))
    #expect(second.rows.count == 10)
    #expect(second.previousOffset == first.offset)
    var jump = options
    jump.position = .line(250)
    let middle = try text(SamplePreviewer.preview(try source(path, .plainText), options: jump))
    #expect(middle.rows.first?.line == .exact(250))
    #expect(middle.rows.first?.text.text.hasPrefix("line 250 ") == true)
    jump.position = .end
    let last = try text(SamplePreviewer.preview(try source(path, .plainText), options: jump))
    #expect(last.nextOffset == nil)
    #expect(last.rows.contains { $0.text.text.hasPrefix("line 500 ") }, "\(last.rows.map(\.text.text))")
    #expect(last.rows.last?.isContinuation == true)
  }

  @Test func aHundredMegabyteLineIsPagedWithoutReadingIt() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/long.txt"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<100 { handle.write(block) }
    handle.write(Data("\u{1B}]0;pwned\u{07}\nend\n".utf8))
    try handle.close()
    var options = PreviewOptions(columns: 80, rows: 5)
    options.position = .percent(100)
    let page = try text(SamplePreviewer.preview(try source(path, .plainText), options: options))
    // Two line feeds, both at the very end: no average can be taken, so a lower bound
    // ("2+"), never an estimate of hundreds.
    #expect(page.lineCount == .atLeast(2), "\(page.lineCount)")
    #expect(page.lineCount.label { String($0) } == "2+")
    #expect(page.rows.contains { $0.text.text.contains("␛]0;pwned␇") && $0.text.hadEscapes })
    #expect(page.rows.contains { $0.text.text == "end" })
  }

  @Test func searchFindsMatchesForwardAndBackwardAcrossChunks() throws {
    let directory = try TemporaryDirectory()
    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
    for (index, offset) in [100, (1 << 20) - 2, 2_500_000].enumerated() {
      let word = Array("Needle\(index)\n".utf8)
      bytes.replaceSubrange(offset..<(offset + word.count), with: word)
    }
    let path = try directory.write("hay.txt", bytes)
    let file = try SampleFile(path: path)
    let searcher = TextSearcher(file: file, encoding: .utf8)
    let first = searcher.run(TextSearch(query: "needle"), textStart: 0)
    #expect(first.match == 100)
    let second = searcher.run(TextSearch(query: "needle", from: 100), textStart: 0)
    #expect(second.match == Int64((1 << 20) - 2))
    let back = searcher.run(TextSearch(query: "NEEDLE", forward: false, from: 2_500_000), textStart: 0)
    #expect(back.match == Int64((1 << 20) - 2))
    let none = searcher.run(TextSearch(query: "haystack"), textStart: 0)
    #expect(none.match == nil && none.complete)
  }

  @Test func utf16AndWindows1252AreDecodedAndNamed() throws {
    let directory = try TemporaryDirectory()
    let units: [UInt8] = "Zoë\nsecond".utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let utf16: [UInt8] = [0xFF, 0xFE] + units
    let latin = try directory.write(
      "latin.txt", Array("caf".utf8) + [0xE9, 0x0A] + Array("na".utf8) + [0xEF, 0x76, 0x65])
    let wide = try text(SamplePreviewer.preview(try source(try directory.write("u16.txt", utf16), .plainText)))
    #expect(wide.encoding == .utf16LE)
    #expect(wide.lineCount == .exact(2))
    // With a trailing line feed (0A 00) it is still two lines, not three.
    let ended = try directory.write("u16-ended.txt", utf16 + [0x0A, 0x00])
    #expect(try text(SamplePreviewer.preview(try source(ended, .plainText))).lineCount == .exact(2))
    let bigEndian: [UInt8] = [0xFE, 0xFF] + "a\nb\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let endedBE = try directory.write("u16be.txt", bigEndian)
    #expect(try text(SamplePreviewer.preview(try source(endedBE, .plainText))).lineCount == .exact(2))
    #expect(wide.rows.map(\.text.text) == ["Zoë", "second"])
    let old = try text(SamplePreviewer.preview(try source(latin, .plainText)))
    #expect(old.encoding == .windows1252)
    #expect(old.rows.map(\.text.text) == ["café", "naïve"])
  }

  @Test func wavOfEverySampleFormatGivesLevelsAndColumns() throws {
    let directory = try TemporaryDirectory()
    let formats: [(tag: UInt16, bits: UInt16, encode: (Float) -> [UInt8])] = [
      (1, 8, { [UInt8(clamping: Int(($0 * 127).rounded()) + 128)] }),
      (1, 16, { withUnsafeBytes(of: Int16(($0 * 32_767).rounded()).littleEndian, Array.init) }),
      (1, 24, { Array(withUnsafeBytes(of: Int32(($0 * 8_388_607).rounded()).littleEndian, Array.init).prefix(3)) }),
      (1, 32, { withUnsafeBytes(of: Int32((Double($0) * 2_147_483_000).rounded()).littleEndian, Array.init) }),
      (3, 32, { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }),
    ]
    for format in formats {
      var body: [UInt8] = []
      for index in 0..<8_000 { body += format.encode(0.5 * sin(Float(index) * 0.05)) }
      let blockAlign = UInt16(format.bits / 8)
      var bytes = Array("RIFF".utf8) + le32(UInt32(36 + body.count)) + Array("WAVEfmt ".utf8) + le32(16)
      bytes += le16(format.tag) + le16(1) + le32(8_000) + le32(8_000 * UInt32(blockAlign)) + le16(blockAlign)
      bytes += le16(format.bits) + Array("data".utf8) + le32(UInt32(body.count)) + body
      let path = try directory.write("tone-\(format.tag)-\(format.bits).wav", bytes)
      let preview = SamplePreviewer.preview(try source(path, .wav), options: PreviewOptions(columns: 40, rows: 10))
      guard case .audio(let audio) = preview.content else {
        Issue.record("\(format): \(preview.content)")
        continue
      }
      #expect(audio.columns.count == 40)
      #expect(abs((audio.peak ?? 0) - 0.5) < 0.02, "\(format.bits)-bit peak \(audio.peak ?? -1)")
      #expect(abs((audio.rms ?? 0) - 0.354) < 0.02)
      #expect(abs((audio.duration ?? 0) - 1) < 0.001)
    }
  }

  @Test func hostileImagesGiveOneLineReasons() throws {
    let directory = try TemporaryDirectory()
    let bomb = try directory.write("bomb.png", pngHeader(width: 100_000, height: 100_000))
    let preview = SamplePreviewer.preview(try source(bomb, .png))
    guard case .failure(let reason) = preview.content else {
      Issue.record("bomb decoded: \(preview.content)")
      return
    }
    #expect(reason.contains("100000×100000") && reason.contains("limit"), "\(reason)")
    let truncated = try directory.write("cut.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1])
    let cut = SamplePreviewer.preview(try source(truncated, .jpeg))
    guard case .failure(let why) = cut.content else {
      Issue.record("truncated JPEG decoded: \(cut.content)")
      return
    }
    #expect(why.hasPrefix("corrupt JPEG") && !why.contains("\n"))
  }

  /// Corrupt PNGs and PDFs say what is wrong, not the decoder's bare words ("Read Error",
  /// "exit status 1"): poppler's first complaint, libpng's error explained.
  @Test func corruptPNGAndPDFGiveAUsefulReason() throws {
    let directory = try TemporaryDirectory()
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "Sources/Portal/Demo/Fixtures/board-briefing-pack/offered-items-chart.png")
    let png = [UInt8](try Data(contentsOf: fixture))
    func reason(_ path: String, _ type: MediaType) throws -> String {
      let preview = SamplePreviewer.preview(try source(path, type))
      guard case .failure(let why) = preview.content else {
        Issue.record("\(path) decoded: \(preview.content)")
        return ""
      }
      #expect(!why.contains("\n"))
      return why
    }
    let cut = try directory.write("cut.png", Array(png.prefix(png.count / 2)))
    let cutWhy = try reason(cut, .png)
    #expect(cutWhy.hasPrefix("corrupt PNG: the file is truncated"), "\(cutWhy)")
    var damaged = png
    damaged[29] ^= 0xFF  // the IHDR chunk's CRC
    let crc = try directory.write("crc.png", damaged)
    let crcWhy = try reason(crc, .png)
    #expect(crcWhy.contains("checksum does not match"), "\(crcWhy)")
    let pdf = Data("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages".utf8)
    let cutPDF = try directory.write("cut.pdf", [UInt8](pdf))
    let pdfWhy = try reason(cutPDF, .pdf)
    #expect(pdfWhy.hasPrefix("corrupt PDF: ") && !pdfWhy.contains("exit status"), "\(pdfWhy)")
    #expect(pdfWhy.contains("Error"), "poppler's own words: \(pdfWhy)")
  }

  @Test func libpngMessagesAreExplained() {
    #expect(ImageDecoder.pngReason("Read Error").hasPrefix("the file is truncated"))
    #expect(ImageDecoder.pngReason("IDAT: CRC error").contains("IDAT chunk's checksum"))
    #expect(ImageDecoder.pngReason("IDAT: incorrect data check").hasPrefix("the compressed image data is damaged"))
    #expect(ImageDecoder.pngReason("something new") == "something new")
  }

  @Test func deepAndHugeJSONIsFoldedNotExpanded() {
    let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
    let printed = JSONPrettyPrinter.print(Array(deep.utf8))
    #expect(printed.problem == nil)
    #expect(printed.lines.count < 2 * JSONPrettyPrinter.maxDepth + 4)
    #expect(printed.lines.contains { $0.tokens.contains { $0.kind == .fold } })
    let long = #"{"text": ""# + String(repeating: "é", count: 5_000) + #""}"#
    let folded = JSONPrettyPrinter.print(Array(long.utf8))
    #expect(folded.lines.flatMap(\.tokens).contains { $0.kind == .fold && $0.text.text.contains("more bytes") })
    let broken = JSONPrettyPrinter.print(Array(#"{"a": 1, "b": tru}"#.utf8))
    #expect(broken.problem?.hasPrefix("not valid JSON at byte 14") == true)
  }

  func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
  func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }

  func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
    func be32(_ value: UInt32) -> [UInt8] { (0..<4).reversed().map { UInt8((value >> (8 * $0)) & 0xFF) } }
    let body = Array("IHDR".utf8) + be32(width) + be32(height) + [8, 2, 0, 0, 0]
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in body {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
    }
    return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + body + be32(crc ^ 0xFFFF_FFFF)
  }
}
