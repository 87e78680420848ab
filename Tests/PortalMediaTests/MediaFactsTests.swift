import PortalCore
import Testing

@testable import PortalMedia

struct MediaFactsTests {
  @Test func readsImageDimensions() {
    let cases: [(MediaType, [UInt8])] = [
      (.png, Fixtures.png(width: 640, height: 480)),
      (.jpeg, Fixtures.jpeg(width: 640, height: 480)),
      (.jpeg, Fixtures.jpeg(width: 640, height: 480, marker: 0xC2)),
      (.gif, Fixtures.gif(width: 640, height: 480)),
      (.webp, Fixtures.webpVP8(width: 640, height: 480)),
      (.webp, Fixtures.webpVP8L(width: 640, height: 480)),
      (.webp, Fixtures.webpVP8X(width: 640, height: 480)),
    ]
    for (type, bytes) in cases {
      let facts = MediaFacts.read(type, from: bytes)
      #expect(facts.width == 640 && facts.height == 480, "\(type)")
      #expect(facts.problems.isEmpty)
    }
  }

  @Test func readsWAVDurationForPCMFloatAndExtensible() {
    let cases: [(bits: Int, tag: Int, subformat: Int?)] = [
      (8, 1, nil), (16, 1, nil), (24, 1, nil), (32, 1, nil), (32, 3, nil), (64, 3, nil), (16, 1, 1), (32, 1, 3),
    ]
    for (bits, tag, subformat) in cases {
      // 0.5 s of stereo at 8 kHz.
      let bytes = Fixtures.wav(
        formatTag: tag, channels: 2, sampleRate: 8000, bits: bits, dataBytes: 4000 * 2 * bits / 8,
        extensibleSubformat: subformat)
      let facts = MediaFacts.read(.wav, from: bytes)
      #expect(facts.durationMillis == 500, "\(bits)-bit tag \(tag)")
      #expect(facts.sampleRate == 8000 && facts.channels == 2 && facts.bitsPerSample == bits)
      #expect(facts.problems.isEmpty)
    }
  }

  @Test func skipsOddSizedWAVChunksByTheirPadding() {
    let bytes = Fixtures.wav(channels: 1, sampleRate: 1000, bits: 16, dataBytes: 4000, oddChunkBeforeData: true)
    #expect(MediaFacts.read(.wav, from: bytes).durationMillis == 2000)
  }

  @Test func measuresATruncatedWAVDataChunkByTheBytesPresent() {
    let bytes = Fixtures.wav(channels: 1, sampleRate: 1000, bits: 16, dataBytes: 4000, presentBytes: 1000)
    let facts = MediaFacts.read(.wav, from: bytes)
    #expect(facts.durationMillis == 500)
    #expect(facts.problems == ["truncated WAV data chunk: duration computed from the bytes present"])
  }

  @Test func readsFLACStreamInfo() {
    let facts = MediaFacts.read(
      .flac, from: Fixtures.flac(sampleRate: 44100, channels: 2, bits: 16, totalSamples: 441_000))
    #expect(facts.durationMillis == 10_000)
    #expect(facts.sampleRate == 44100 && facts.channels == 2 && facts.bitsPerSample == 16)
  }

  @Test func readsMP4DurationFromEitherMovieHeaderVersionWherevertheMovieBoxIs() {
    let v0 = MediaFacts.read(.mp4, from: Fixtures.mp4(version: 0, timescale: 600, duration: 1800))
    #expect(v0.durationMillis == 3000)
    let v1 = MediaFacts.read(
      .mp4, from: Fixtures.mp4(version: 1, timescale: 90000, duration: 900_000, mdatFirst: false))
    #expect(v1.durationMillis == 10_000)
  }

  @Test func damagedHeadersGiveNilFactsAndAProblem() {
    let png = Fixtures.png(width: 10, height: 10)
    #expect(MediaFacts.read(.png, from: Array(png.prefix(20))).problems == ["truncated PNG header"])
    #expect(MediaFacts.read(.png, from: Array(png.prefix(20))).width == nil)
    let jpeg = Fixtures.jpeg(width: 10, height: 10)
    #expect(MediaFacts.read(.jpeg, from: Array(jpeg.prefix(22))).problems.first?.hasPrefix("truncated JPEG") == true)
    #expect(
      MediaFacts.read(.png, from: Fixtures.png(width: 0, height: 5)).problems.first?.contains("impossible") == true)
    let mp4 = Fixtures.mp4(version: 0, timescale: 600, duration: 1800)
    #expect(MediaFacts.read(.mp4, from: Array(mp4.prefix(40))).durationMillis == nil)
    #expect(
      MediaFacts.read(.wav, from: Array(Fixtures.ascii("RIFF\u{0}\u{0}\u{0}\u{0}WAVE"))).problems.isEmpty == false)
  }
}
