import PortalCore
import Testing

@testable import PortalMedia

/// Bounded, seeded fuzzing of every parser (reliability scenario 10): random and mutated
/// inputs must never crash, and each parser's invariants must hold.
struct FuzzTests {
  static let iterations = 2_000

  /// Bytes biased toward the ones parsers care about, so structure is actually exercised.
  static func hostileBytes(_ generator: inout SeededGenerator, maxLength: Int = 300) -> [UInt8] {
    let interesting: [UInt8] = [
      0x22, 0x2C, 0x0A, 0x0D, 0x09, 0x5C, 0x7B, 0x7D, 0x1B, 0x5B, 0x5D, 0x00, 0xC3, 0xA9,
      0xE2, 0x80, 0xAE, 0xFF, 0x9B, 0x61, 0x20, 0x3A,
    ]
    let length = Int(generator.next() % UInt64(maxLength + 1))
    return (0..<length).map { _ in
      generator.next() % 3 == 0
        ? UInt8(truncatingIfNeeded: generator.next()) : interesting[Int(generator.next() % UInt64(interesting.count))]
    }
  }

  /// Frames `bytes` with reads of `chunk` bytes, as the analyzer does.
  static func frame(_ bytes: [UInt8], chunk: Int, csv: UInt8? = nil, quoting: Bool = true) -> [String] {
    var spans: [String] = []
    let record: (RecordSpan) -> Void = { spans.append("\($0.offset)+\($0.length)=\(Hex.string($0.digest))") }
    bytes.withUnsafeBytes { raw in
      var lines = LineFramer()
      var rows = csv.map { CSVFramer(delimiter: $0, quoting: quoting) }
      var offset = 0
      while offset < raw.count {
        let end = min(raw.count, offset + chunk)
        let piece = UnsafeRawBufferPointer(rebasing: raw[offset..<end])
        if rows == nil {
          lines.consume(piece, at: Int64(offset), emit: record)
        } else {
          rows?.consume(piece, at: Int64(offset), emit: record)
        }
        offset = end
      }
      if rows == nil { lines.finish(emit: record) } else { _ = rows?.finish(emit: record) }
    }
    return spans
  }

  @Test func lineFramingIsIndependentOfReadSizeAndMatchesASimpleSplit() {
    var generator = SeededGenerator(state: 1)
    for _ in 0..<Self.iterations {
      let bytes = Self.hostileBytes(&generator)
      let whole = Self.frame(bytes, chunk: max(1, bytes.count))
      #expect(Self.frame(bytes, chunk: 1 + Int(generator.next() % 9)) == whole)
      // Reference: split on LF, drop one trailing CR, skip blank lines.
      var expected: [(Int, Int)] = []
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
        var end = index
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        if bytes[start..<end].contains(where: { ![0x20, 0x09, 0x0D].contains($0) }) {
          expected.append((start, end - start))
        }
        start = index + 1
      }
      #expect(whole.map { String($0.prefix { $0 != "=" }) } == expected.map { "\($0.0)+\($0.1)" })
    }
  }

  @Test func csvFramingIsIndependentOfReadSizeAndStaysInBounds() {
    var generator = SeededGenerator(state: 2)
    for _ in 0..<Self.iterations {
      let bytes = Self.hostileBytes(&generator)
      let quoting = generator.next() % 2 == 0
      let whole = Self.frame(bytes, chunk: max(1, bytes.count), csv: 0x2C, quoting: quoting)
      #expect(Self.frame(bytes, chunk: 1 + Int(generator.next() % 9), csv: 0x2C, quoting: quoting) == whole)
      var previousEnd: Int64 = 0
      for span in whole {
        let parts = span.prefix { $0 != "=" }.split(separator: "+").compactMap { Int64($0) }
        #expect(parts.count == 2 && parts[0] >= previousEnd && parts[0] + parts[1] <= Int64(bytes.count))
        previousEnd = parts[0] + parts[1]
      }
    }
  }

  @Test func analyzingRandomFilesNeverCrashesAndKeepsOffsetsInTheFile() throws {
    let directory = try TemporaryDirectory()
    var generator = SeededGenerator(state: 3)
    let extensions = ["jsonl", "csv", "tsv", "txt", "md", "png", "wav", "bin"]
    for index in 0..<300 {
      let bom: [UInt8] = index % 5 == 0 ? [0xEF, 0xBB, 0xBF] : []
      let bytes = bom + Self.hostileBytes(&generator, maxLength: 2000)
      let path = try directory.write("f\(index).\(extensions[index % extensions.count])", bytes)
      let (file, samples) = try analyze(path, options: .init(bufferSize: 64 * 1024))
      #expect(file.mediaType != nil || !file.problems.isEmpty)
      for sample in samples {
        #expect(sample.offset >= 0 && sample.length >= 0 && sample.offset + sample.length <= Int64(bytes.count))
        // The hash is of exactly the bytes the range designates.
        let range = Int(sample.offset)..<Int(min(Int64(bytes.count), sample.offset + max(0, sample.length)))
        #expect(sample.sha256 == Hex.sha256(Array(bytes[range])))
        #expect(sample.excerpt.map { $0.unicodeScalars.count <= 280 && TerminalSanitizerTests.isClean($0) } ?? true)
      }
    }
  }

  @Test func detectorAndEncodingGuessAcceptAnyBytes() {
    var generator = SeededGenerator(state: 4)
    let seeds: [[UInt8]] = [
      Fixtures.png(width: 3, height: 3), Fixtures.ebml(docType: "webm"),
      Fixtures.mp4(version: 1, timescale: 1, duration: 1),
      Fixtures.ascii("a,b\n1,2\n"), [0xFF, 0xFE, 0x41, 0x00],
    ]
    for _ in 0..<Self.iterations {
      var bytes = seeds[Int(generator.next() % UInt64(seeds.count))]
      Self.mutate(&bytes, &generator)
      let detection = MediaDetector.detect(bytes, fileExtension: "csv", isWholeFile: generator.next() % 2 == 0)
      if let detection, detection.mediaType.modality == .text, detection.mediaType != .pdf {
        #expect(detection.encoding != nil)
      }
      _ = TextEncodingGuess.guess(Self.hostileBytes(&generator))
    }
  }

  @Test func headerParsersSurviveMutatedHeaders() {
    var generator = SeededGenerator(state: 5)
    let seeds: [(MediaType, [UInt8])] = [
      (.wav, Fixtures.wav(channels: 2, sampleRate: 8000, bits: 16, dataBytes: 64, extensibleSubformat: 1)),
      (.wav, Fixtures.wav(channels: 1, sampleRate: 8000, bits: 8, dataBytes: 33, oddChunkBeforeData: true)),
      (.png, Fixtures.png(width: 5, height: 5)), (.jpeg, Fixtures.jpeg(width: 5, height: 5)),
      (.gif, Fixtures.gif(width: 5, height: 5)), (.webp, Fixtures.webpVP8X(width: 5, height: 5)),
      (.webp, Fixtures.webpVP8(width: 5, height: 5)), (.webp, Fixtures.webpVP8L(width: 5, height: 5)),
      (.flac, Fixtures.flac(sampleRate: 8000, channels: 1, bits: 8, totalSamples: 8000)),
      (.mp4, Fixtures.mp4(version: 0, timescale: 10, duration: 10)),
    ]
    for _ in 0..<Self.iterations {
      let (type, seed) = seeds[Int(generator.next() % UInt64(seeds.count))]
      var bytes = seed
      Self.mutate(&bytes, &generator)
      let facts = MediaFacts.read(type, from: bytes)
      #expect((facts.durationMillis ?? 0) >= 0)
      #expect((facts.width ?? 1) > 0 && (facts.height ?? 1) > 0)
    }
  }

  @Test func sanitizerOutputNeverHoldsControls() {
    var generator = SeededGenerator(state: 6)
    let specials: [UInt32] = [
      0x1B, 0x9B, 0x9D, 0x90, 0x9C, 0x07, 0x0A, 0x0D, 0x09, 0x7F, 0x85, 0x202E, 0x2066, 0x200B,
      0xFEFF, 0xAD, 0x5B, 0x5D, 0x5C, 0x3B, 0x6D, 0x4E2D, 0x1F600,
    ]
    for _ in 0..<Self.iterations {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int(generator.next() % 80) {
        let value =
          generator.next() % 2 == 0
          ? specials[Int(generator.next() % UInt64(specials.count))] : UInt32(generator.next() % 0x3000)
        scalars.append(Unicode.Scalar(value) ?? "?")
      }
      let keep = generator.next() % 2 == 0
      let result = TerminalSanitizer.sanitize(String(scalars), keepNewlinesAndTabs: keep)
      #expect(TerminalSanitizerTests.isClean(result.text, allowNewlines: keep))
      let fromBytes = TerminalSanitizer.sanitize(bytes: Self.hostileBytes(&generator))
      #expect(TerminalSanitizerTests.isClean(fromBytes.text))
    }
  }

  @Test func jsonFieldScanAndUnescapeAcceptAnyLine() {
    var generator = SeededGenerator(state: 7)
    var excerpts = ExcerptBuilder()
    for _ in 0..<Self.iterations {
      let bytes = Fixtures.ascii("{\"text\":\"") + Self.hostileBytes(&generator)
      bytes.withUnsafeBytes { raw in
        if let range = JSONTextField.find(in: raw) {
          #expect(range.lowerBound >= 0 && range.upperBound <= raw.count)
          var output = [UInt8](repeating: 0, count: 64)
          let count = output.withUnsafeMutableBufferPointer {
            JSONTextField.unescape(UnsafeRawBufferPointer(rebasing: raw[range]), into: $0)
          }
          #expect(count <= 64)
          let excerpt = excerpts.excerpt(Array(output[..<count]), encoding: .utf8)
          #expect(excerpt.map { TerminalSanitizerTests.isClean($0) } ?? true)
        }
      }
    }
  }

  /// Flips, truncates or extends a seed: the usual ways real files are damaged.
  static func mutate(_ bytes: inout [UInt8], _ generator: inout SeededGenerator) {
    switch generator.next() % 4 {
    case 0 where !bytes.isEmpty: bytes = Array(bytes.prefix(Int(generator.next() % UInt64(bytes.count))))
    case 1:
      for _ in 0..<(1 + generator.next() % 4) where !bytes.isEmpty {
        bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
      }
    case 2: bytes += generator.bytes(Int(generator.next() % 64))
    default:
      for _ in 0..<(1 + generator.next() % 3) where bytes.count > 8 {
        // Large sizes in length fields are where parsers over-allocate.
        let at = Int(generator.next() % UInt64(bytes.count - 4))
        bytes.replaceSubrange(at..<(at + 4), with: [0xFF, 0xFF, 0xFF, UInt8(truncatingIfNeeded: generator.next())])
      }
    }
  }
}
