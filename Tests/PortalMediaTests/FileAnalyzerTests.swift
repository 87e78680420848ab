import Foundation
import PortalCore
import Testing

@testable import PortalMedia

struct FileAnalyzerTests {
  /// The bytes a sample designates.
  private func bytes(of sample: AnalyzedSample, in file: [UInt8]) -> [UInt8] {
    Array(file[Int(sample.offset)..<Int(sample.offset + sample.length)])
  }

  @Test func framesJSONLWithCRLFBlankLinesAndNoFinalNewline() throws {
    let directory = try TemporaryDirectory()
    let content = Fixtures.ascii("{\"text\":\"one\"}\r\n\r\n   \n{\"text\":\"two\"}\n\n{\"id\":3}")
    let path = try directory.write("data.jsonl", content)
    let (file, samples) = try analyze(path)
    #expect(file.mediaType == .jsonl)
    #expect(file.sampleCount == 3)
    #expect(
      samples.map { String(decoding: bytes(of: $0, in: content), as: UTF8.self) } == [
        "{\"text\":\"one\"}", "{\"text\":\"two\"}", "{\"id\":3}",
      ])
    #expect(samples.map(\.excerpt) == ["one", "two", "{\"id\":3}"])
    #expect(file.problems.isEmpty)
  }

  @Test func sampleAndFileHashesMatchSha256sum() throws {
    let directory = try TemporaryDirectory()
    let content = Fixtures.ascii("{\"a\":\"x\"}\n{\"b\":\"é\"}\r\n{\"c\":3}")
    let path = try directory.write("h.jsonl", content)
    let (file, samples) = try analyze(path)
    #expect(file.sha256 == (try sha256sum(content)))
    for sample in samples {
      #expect(sample.sha256 == (try sha256sum(bytes(of: sample, in: content))))
    }
    let png = Fixtures.png(width: 2, height: 2)
    let (image, imageSamples) = try analyze(try directory.write("i.png", png))
    #expect(image.sha256 == (try sha256sum(png)))
    #expect(imageSamples.first?.sha256 == image.sha256)
  }

  @Test func recordsCrossingReadBoundariesAreFramedAndHashedAsWholes() throws {
    let directory = try TemporaryDirectory()
    // 64 KiB reads (the minimum) over ~300 KiB of lines of varied lengths, CRLF ends
    // falling on every position relative to the boundaries.
    var content: [UInt8] = []
    var expected: [[UInt8]] = []
    for index in 0..<900 {
      let line = Fixtures.ascii("{\"text\":\"" + String(repeating: "x", count: (index * 37) % 700) + "\"}")
      expected.append(line)
      content += line + (index % 2 == 0 ? [0x0D, 0x0A] : [0x0A])
    }
    let path = try directory.write("boundaries.jsonl", content)
    let (file, samples) = try analyze(path, options: .init(bufferSize: 64 * 1024))
    #expect(file.sampleCount == 900)
    #expect(samples.map { bytes(of: $0, in: content) } == expected)
    let spot = samples[451]
    #expect(spot.sha256 == (try sha256sum(expected[451])))
  }

  @Test func prefersTheTextFieldAndDecodesItsEscapes() throws {
    let directory = try TemporaryDirectory()
    let lines = [
      #"{"id":1,"meta":{"text":"nested, ignored"},"content":"the content","text":"tab\there \"quoted\" \u00e9\ud83d\ude00"}"#,
      #"{"body":"   lots    of\n\nspace   "}"#,
      #"{"transcript":"said","count":[1,{"x":"]"}]}"#,
      #"[1,2,3]"#,
    ]
    let path = try directory.write("f.jsonl", text: lines.joined(separator: "\n"))
    let (_, samples) = try analyze(path)
    #expect(samples.map(\.excerpt) == ["tab here \"quoted\" é😀", "lots of space", "said", "[1,2,3]"])
  }

  @Test func excerptsAreShortCollapsedAndFreeOfControls() throws {
    let directory = try TemporaryDirectory()
    let long = String(repeating: "word ", count: 200)
    let path = try directory.write("t.txt", text: "\u{1B}[31mred\u{1B}[0m\u{202E}x\u{200B}y\t\t\n" + long)
    let (file, samples) = try analyze(path)
    #expect(file.mediaType == .plainText)
    let excerpt = try #require(samples.first?.excerpt)
    #expect(excerpt.unicodeScalars.count <= 280)
    #expect(excerpt.hasPrefix("[31mred[0mxy word word"))
    #expect(!excerpt.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x202E || $0.value == 0x200B })
  }

  @Test func framesCSVWithQuotedNewlinesDoubledQuotesAndAHeader() throws {
    let directory = try TemporaryDirectory()
    let content = Fixtures.ascii("id,quote\r\n1,\"She said \"\"hi\"\"\r\nthen left\"\r\n\r\n2,plain\n3,\"a,b\"")
    let path = try directory.write("q.csv", content)
    let (file, samples) = try analyze(path)
    #expect(file.mediaType == .csv)
    #expect(file.table?.columns == ["id", "quote"])
    #expect(samples.count == 3)
    #expect(
      String(decoding: bytes(of: samples[0], in: content), as: UTF8.self) == "1,\"She said \"\"hi\"\"\r\nthen left\"")
    #expect(samples.map(\.excerpt) == ["1 | She said \"hi\" then left", "2 | plain", "3 | a,b"])
    #expect(file.problems.isEmpty)
  }

  @Test func analyzesTSVAndWindows1252Text() throws {
    let directory = try TemporaryDirectory()
    let (tsv, rows) = try analyze(try directory.write("t.tsv", text: "name\tcity\nAnn\tParis\n"))
    #expect(tsv.mediaType == .tsv)
    #expect(rows.map(\.excerpt) == ["Ann | Paris"])
    let latin1: [UInt8] = Fixtures.ascii("Caf") + [0xE9] + Fixtures.ascii(" ") + [0x80] + Fixtures.ascii("5\n")
    let (text, samples) = try analyze(try directory.write("l.txt", latin1))
    #expect(text.encoding == .windows1252)
    #expect(samples.first?.excerpt == "Café €5")
  }

  @Test func reportsImageAndAudioFactsOnTheirSample() throws {
    let directory = try TemporaryDirectory()
    let (_, images) = try analyze(try directory.write("photo.txt", Fixtures.jpeg(width: 1920, height: 1080)))
    #expect(images.first?.mediaType == .jpeg)
    #expect(images.first?.width == 1920 && images.first?.height == 1080)
    let wav = Fixtures.wav(channels: 1, sampleRate: 16000, bits: 16, dataBytes: 32000)
    let (_, sounds) = try analyze(try directory.write("a.wav", wav))
    #expect(sounds.first?.durationMillis == 1000)
    #expect(sounds.first?.length == Int64(wav.count))
    #expect(sounds.first?.excerpt == nil)
  }

  @Test func detectsEachFormatFromAFileWhateverItsExtension() throws {
    let directory = try TemporaryDirectory()
    let cases: [([UInt8], MediaType)] = [
      (Fixtures.ascii("%PDF-1.4\n"), .pdf), (Fixtures.png(width: 4, height: 3), .png),
      (Fixtures.jpeg(width: 4, height: 3), .jpeg), (Fixtures.gif(width: 4, height: 3), .gif),
      (Fixtures.webpVP8X(width: 4, height: 3), .webp),
      (Fixtures.wav(channels: 1, sampleRate: 8000, bits: 8, dataBytes: 80), .wav),
      (Fixtures.flac(sampleRate: 8000, channels: 1, bits: 8, totalSamples: 80), .flac),
      (Fixtures.ascii("ID3") + [3, 0, 0, 0, 0, 0, 0], .mp3), (Fixtures.ascii("OggS") + [0, 2, 0, 0], .ogg),
      (Fixtures.mp4(version: 0, timescale: 1000, duration: 10), .mp4), (Fixtures.ebml(docType: "webm"), .webm),
      (Fixtures.ebml(docType: "matroska"), .matroska),
    ]
    for (index, (bytes, expected)) in cases.enumerated() {
      let (file, samples) = try analyze(try directory.write("file\(index).txt", bytes))
      #expect(file.mediaType == expected)
      #expect(samples.count == 1 && samples[0].length == Int64(bytes.count) && samples[0].mediaType == expected)
      #expect(file.encoding == nil)
    }
  }

  @Test func skipsAByteOrderMarkBeforeTheFirstRecordAndDecodesUTF16Text() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("bom.jsonl", [0xEF, 0xBB, 0xBF] + Fixtures.ascii("{\"text\":\"first\"}\n"))
    let (file, samples) = try analyze(path)
    #expect(file.encoding == .utf8BOM)
    #expect(samples.map(\.offset) == [3])
    #expect(samples.map(\.excerpt) == ["first"])
    let csv = [0xEF, 0xBB, 0xBF] + Fixtures.ascii("a,b\n1,2\n")
    let (_, rows) = try analyze(try directory.write("bom.csv", csv))
    #expect(rows.map(\.offset) == [7])
    #expect(rows.first?.sha256 == (try sha256sum(Fixtures.ascii("1,2"))))
    let headerless = [0xEF, 0xBB, 0xBF] + Fixtures.ascii("1,2\n3,4\n")
    let (_, firstRows) = try analyze(try directory.write("bom2.csv", headerless))
    #expect(firstRows.map(\.offset) == [3, 7])
    #expect(firstRows.first?.sha256 == (try sha256sum(Fixtures.ascii("1,2"))))
    let utf16: [UInt8] = [0xFF, 0xFE] + "Grüße, 世界\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let (text, textSamples) = try analyze(try directory.write("u16.txt", utf16))
    #expect(text.encoding == .utf16LE)
    #expect(textSamples.first?.excerpt == "Grüße, 世界")
  }

  @Test func stopsWithTheCallbacksError() throws {
    struct Stop: Error {}
    let directory = try TemporaryDirectory()
    let path = try directory.write("s.jsonl", text: "{}\n{}\n{}\n")
    var seen = 0
    #expect(throws: Stop.self) {
      _ = try FileAnalyzer().analyze(path: path) { _ in
        seen += 1
        if seen == 2 { throw Stop() }
      }
    }
    #expect(seen == 2)
  }

  @Test func runsOnSeveralThreadsAtOnce() async throws {
    let directory = try TemporaryDirectory()
    var paths: [String] = []
    for index in 0..<16 {
      paths.append(
        try directory.write("f\(index).jsonl", text: String(repeating: "{\"text\":\"r\(index)\"}\n", count: 500)))
    }
    let analyzer = FileAnalyzer()
    let counts = try await withThrowingTaskGroup(of: Int.self) { group in
      for path in paths {
        group.addTask {
          var count = 0
          _ = try analyzer.analyze(path: path) { _ in count += 1 }
          return count
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(counts == Array(repeating: 500, count: 16))
  }
}
