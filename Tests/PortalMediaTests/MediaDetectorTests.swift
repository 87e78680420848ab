import PortalCore
import Testing

@testable import PortalMedia

struct MediaDetectorTests {
  private func detect(_ bytes: [UInt8], _ fileExtension: String = "bin") -> MediaDetection? {
    MediaDetector.detect(bytes, fileExtension: fileExtension, isWholeFile: true)
  }

  @Test func recognisesEachBinaryFormatByItsMagicBytes() {
    let cases: [([UInt8], MediaType)] = [
      (Fixtures.ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), .pdf),
      (Fixtures.png(width: 3, height: 2), .png),
      (Fixtures.jpeg(width: 3, height: 2), .jpeg),
      (Fixtures.gif(width: 3, height: 2), .gif),
      (Fixtures.webpVP8L(width: 3, height: 2), .webp),
      (Fixtures.wav(channels: 1, sampleRate: 8000, bits: 8, dataBytes: 8), .wav),
      (Fixtures.flac(sampleRate: 44100, channels: 2, bits: 16, totalSamples: 44100), .flac),
      (Fixtures.ascii("ID3") + [4, 0, 0, 0, 0, 0, 0], .mp3),
      ([0xFF, 0xFB, 0x90, 0x64] + [UInt8](repeating: 0, count: 40), .mp3),
      (Fixtures.ascii("OggS") + [0, 2] + [UInt8](repeating: 0, count: 20), .ogg),
      (Fixtures.mp4(version: 0, timescale: 1000, duration: 5000), .mp4),
      (Fixtures.ebml(docType: "webm"), .webm),
      (Fixtures.ebml(docType: "matroska"), .matroska),
    ]
    for (bytes, expected) in cases {
      #expect(detect(bytes)?.mediaType == expected, "expected \(expected)")
      #expect(detect(bytes)?.encoding == nil)
    }
  }

  @Test func contentWinsOverAMisleadingExtension() {
    #expect(detect(Fixtures.png(width: 1, height: 1), "txt")?.mediaType == .png)
    #expect(detect(Fixtures.ascii("just some words\n"), "png")?.mediaType == .plainText)
    #expect(detect(Fixtures.wav(channels: 1, sampleRate: 8000, bits: 8, dataBytes: 2), "csv")?.mediaType == .wav)
  }

  @Test func binaryInNoSupportedFormatIsUnrecognised() {
    #expect(detect([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x20] + [UInt8](repeating: 0, count: 100)) == nil)
    #expect(detect(Fixtures.ascii("RIFF") + [4, 0, 0, 0] + Fixtures.ascii("AVI ") + [0, 0, 0, 0]) == nil)
    #expect(detect(Fixtures.ebml(docType: "other")) == nil)
    #expect(MediaDetector.supportedFormats.contains("PNG"))
  }

  /// A short note with a few bells and a DCS sequence is text (previewed with visible
  /// escapes), while NUL-free binary such as compressed data is still refused.
  @Test func textWithAFewControlCharactersIsTextButDenseControlsAreBinary() {
    let noisy = Fixtures.ascii(
      "Ring \u{07}\u{07}\u{07} the bell at the station \u{1B}P+q544e\u{1B}\\ \u{08}\u{08}done\n")
    #expect(detect(noisy, "txt")?.mediaType == .plainText)
    var state: UInt32 = 12_345
    let compressed = (0..<4_096).map { _ -> UInt8 in
      state = state &* 1_664_525 &+ 1_013_904_223
      return max(1, UInt8(truncatingIfNeeded: state >> 24))  // no NULs, like a gzip body often
    }
    #expect(detect(compressed, "txt") == nil)
  }

  @Test func guessesTextEncodings() {
    #expect(detect(Fixtures.ascii("héllo wörld\n"))?.encoding == .utf8)
    #expect(detect([0xEF, 0xBB, 0xBF] + Fixtures.ascii("hello\n"))?.encoding == .utf8BOM)
    #expect(detect([0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00])?.encoding == .utf16LE)
    #expect(detect([0xFE, 0xFF, 0x00, 0x68, 0x00, 0x69])?.encoding == .utf16BE)
    // "café crème" in Latin-1: E9 and E8 are not UTF-8.
    let latin1: [UInt8] = Fixtures.ascii("caf") + [0xE9] + Fixtures.ascii(" cr") + [0xE8] + Fixtures.ascii("me\n")
    #expect(detect(latin1)?.encoding == .windows1252)
    #expect(TextEncodingGuess.guess(latin1) == .windows1252)
  }

  @Test func aCharacterCutByTheEndOfAPartialHeadIsNotAnEncodingError() {
    let head = Fixtures.ascii("abc ") + [0xE2, 0x82]  // first two bytes of "€"
    #expect(TextEncodingGuess.guess(head, isWholeFile: false) == .utf8)
  }

  @Test func separatesTextFormatsByExtensionThenContent() {
    #expect(detect(Fixtures.ascii("# Title\n\nBody\n"), "md")?.mediaType == .markdown)
    #expect(detect(Fixtures.ascii("# Title\n"), "markdown")?.mediaType == .markdown)
    #expect(detect(Fixtures.ascii("anything\n"), "jsonl")?.mediaType == .jsonl)
    #expect(detect(Fixtures.ascii("{\"a\":1}\n\n{\"a\":2}\n"), "txt")?.mediaType == .jsonl)
    #expect(detect(Fixtures.ascii("name,age\nann,3\nbob,4\n"), "txt")?.mediaType == .csv)
    #expect(detect(Fixtures.ascii("name\tage\nann\t3\n"), "data")?.mediaType == .tsv)
    #expect(detect(Fixtures.ascii("a;b;c\n1;2;3\n"), "csv")?.table?.delimiter == UInt8(ascii: ";"))
    #expect(detect(Fixtures.ascii("Hello there, friend.\nNo commas here\n"), "txt")?.mediaType == .plainText)
  }

  @Test func findsACSVHeaderOnlyWhenTheFirstRowNamesColumns() {
    let withHeader = detect(Fixtures.ascii("id,\"full name\"\n1,Ann\n"), "csv")?.table
    #expect(withHeader?.hasHeader == true)
    #expect(withHeader?.columns == ["id", "full name"])
    #expect(detect(Fixtures.ascii("1,Ann\n2,Bob\n"), "csv")?.table?.hasHeader == false)
    #expect(detect(Fixtures.ascii("x,x\n1,2\n"), "csv")?.table?.hasHeader == false)
  }

  @Test func toleratesAStrayNULInTextButNotBinaryAmountsOfThem() {
    let text =
      Fixtures.ascii("{\"text\":\"a\u{0}b\"}\n") + Fixtures.ascii(String(repeating: "{\"text\":\"ok\"}\n", count: 100))
    let detection = detect(text, "jsonl")
    #expect(detection?.mediaType == .jsonl)
    #expect(detection?.notes.contains { $0.contains("NUL") } == true)
    #expect(detect(Fixtures.ascii("a\u{0}b\u{0}c\u{0}d\n")) == nil)
  }

  @Test func utf16RecordFilesBecomeOneTextSampleWithANote() {
    let detection = detect(
      [0xFF, 0xFE] + Array("a,b\n1,2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), "csv")
    #expect(detection?.mediaType == .plainText)
    #expect(detection?.notes.first?.contains("convert it to UTF-8") == true)
  }
}
