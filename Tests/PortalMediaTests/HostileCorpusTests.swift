import Foundation
import PortalCore
import Testing

@testable import PortalMedia

/// Reliability scenario 10: malformed and hostile files give a clear problem or the
/// right samples, never a crash.
struct HostileCorpusTests {
  private func reasons(_ file: AnalyzedFile) -> [String] { file.problems.map(\.reason) }

  @Test func truncatedImagesAndAudioKeepTheirSampleButLoseTheirFacts() throws {
    let directory = try TemporaryDirectory()
    let png = Array(Fixtures.png(width: 9, height: 9).prefix(18))
    let (pngFile, pngSamples) = try analyze(try directory.write("cut.png", png))
    #expect(pngFile.mediaType == .png)
    #expect(reasons(pngFile) == ["truncated PNG header"])
    #expect(pngSamples.count == 1 && pngSamples[0].width == nil)

    let jpeg = Array(Fixtures.jpeg(width: 9, height: 9).prefix(10))
    let (jpegFile, _) = try analyze(try directory.write("cut.jpg", jpeg))
    #expect(reasons(jpegFile).first?.hasPrefix("truncated JPEG header") == true)

    let wav = Array(Fixtures.wav(channels: 1, sampleRate: 8000, bits: 16, dataBytes: 100).prefix(30))
    let (wavFile, wavSamples) = try analyze(try directory.write("cut.wav", wav))
    #expect(reasons(wavFile) == ["truncated WAV format chunk", "corrupt WAV header: no data chunk"])
    #expect(wavSamples.first?.durationMillis == nil)
  }

  @Test func wrongMagicAndEmptyFilesAreSkippedWithAReason() throws {
    let directory = try TemporaryDirectory()
    let (binary, none) = try analyze(try directory.write("fake.png", [0x89, 0x50, 0x00, 0x00, 0x01, 0x02, 0x00, 0x03]))
    #expect(binary.isSkipped && none.isEmpty)
    #expect(reasons(binary).first?.hasPrefix("unrecognised format") == true)
    #expect(reasons(binary).first?.contains("PNG, JPEG") == true)
    let (empty, nothing) = try analyze(try directory.write("empty.jsonl", []))
    #expect(reasons(empty) == ["empty file: skipped"])
    #expect(empty.isSkipped && nothing.isEmpty)
  }

  @Test func invalidUTF8AndNULLinesStaySamples() throws {
    let directory = try TemporaryDirectory()
    // Real UTF-8 (é) around the damage, so the file is still judged UTF-8.
    var content = Fixtures.ascii(String(repeating: "{\"text\":\"fine é\"}\n", count: 50))
    content += Fixtures.ascii("{\"text\":\"bad ") + [0xC3, 0x28, 0xFF] + Fixtures.ascii("\"}\n")
    content += Fixtures.ascii("{\"text\":\"nul ") + [0x00] + Fixtures.ascii("here\"}\n")
    let (file, samples) = try analyze(try directory.write("odd.jsonl", content))
    #expect(samples.count == 52)
    #expect(samples[50].excerpt == "bad \u{FFFD}(\u{FFFD}")
    #expect(samples[51].excerpt == "nul here")
    #expect(reasons(file).contains("line 51: not valid UTF-8 (kept as a sample; its excerpt shows U+FFFD)"))
    #expect(reasons(file).contains { $0.contains("NUL") })
  }

  @Test func deeplyNestedJSONIsOneSampleWithoutRecursion() throws {
    let directory = try TemporaryDirectory()
    let depth = 200_000
    let line =
      "{\"a\":" + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + ",\"text\":\"deep\"}"
    let (_, samples) = try analyze(try directory.write("deep.jsonl", text: line + "\n"))
    #expect(samples.count == 1)
    #expect(samples[0].length == Int64(line.utf8.count))
  }

  @Test func anUnbalancedQuoteNamesItsLineAndTheRestIsFramedByLines() throws {
    let directory = try TemporaryDirectory()
    let content = "name,note\nann,fine\nbob,\"never closed\ncid,x\ndan,y\n"
    let (file, samples) = try analyze(try directory.write("broken.csv", text: content))
    #expect(
      reasons(file) == [
        "line 3: unbalanced quote; from this line on, rows were split at line breaks with quotes taken literally"
      ])
    #expect(samples.map(\.excerpt) == ["ann | fine", "bob | \"never closed", "cid | x", "dan | y"])
    #expect(samples.map(\.offset) == [10, 19, 37, 43])
  }

  @Test func aHugeSingleLineIsStreamedAsOneSample() throws {
    let directory = try TemporaryDirectory()
    let size = 24 * 1024 * 1024
    var content = [UInt8](repeating: UInt8(ascii: "a"), count: size)
    let opening = Fixtures.ascii("{\"text\":\"")
    content.replaceSubrange(0..<opening.count, with: opening)
    content.replaceSubrange((size - 2)..<size, with: Fixtures.ascii("\"}"))
    let path = try directory.write("huge.jsonl", content + [0x0A])
    let (file, samples) = try analyze(path)
    #expect(samples.count == 1)
    #expect(samples.first?.offset == 0)
    #expect(samples.first?.length == Int64(size))
    #expect(samples.first?.excerpt?.count == 280)
    #expect(file.byteCount == Int64(size + 1))
    #expect(file.sha256 == (try sha256sum(content + [0x0A])))
  }

  @Test func aFileThatVanishedSinceTheWalkIsAProblem() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("gone.txt", text: "soon gone")
    let entries = DirectoryWalker().walk([directory.path]).entries
    try FileManager.default.removeItem(atPath: path)
    let file = try FileAnalyzer().analyze(try #require(entries.first)) { _ in Issue.record("no sample expected") }
    #expect(reasons(file) == ["file vanished since the scan (run the import again to rescan)"])
  }

  @Test func aFileSwappedForALinkOutsideTheRootAfterTheWalkIsNotRead() throws {
    let outside = try TemporaryDirectory()
    let secret = try outside.write("secret.txt", text: "not part of the dataset")
    let directory = try TemporaryDirectory()
    let path = try directory.write("swap.txt", text: "dataset text")
    let entry = try #require(DirectoryWalker().walk([directory.path]).entries.first)
    try FileManager.default.removeItem(atPath: path)
    try directory.link("swap.txt", to: secret)
    var samples = 0
    let file = try FileAnalyzer().analyze(entry) { _ in samples += 1 }
    #expect(reasons(file) == [DirectoryWalker.outsideRootReason])
    #expect(samples == 0)
    let allowed = try FileAnalyzer(options: .init(followSymlinksOutsideRoot: true)).analyze(entry) { _ in samples += 1 }
    #expect(allowed.mediaType == .plainText && samples == 1)
  }

  @Test func aFileRewrittenInPlaceSinceTheWalkIsStillRead() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("data/new.txt", text: "first version")
    let entry = try #require(DirectoryWalker().walk([directory.path]).entries.first)
    try FileManager.default.removeItem(atPath: path)
    try directory.write("data/new.txt", text: "second version")  // a new inode, same place
    var excerpts: [String?] = []
    let file = try FileAnalyzer().analyze(entry) { excerpts.append($0.excerpt) }
    #expect(file.problems.isEmpty)
    #expect(excerpts == ["second version"])
  }

  @Test func anUnreadableFileIsAProblemUnlessRunningAsRoot() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("secret.txt", text: "classified")
    chmod(path, 0)
    let (file, samples) = try analyze(path)
    if geteuid() == 0 {
      // root (as in CI containers) reads through permissions: the file is analysed.
      #expect(samples.count == 1)
    } else {
      #expect(reasons(file) == ["permission denied: cannot read this file (check its permissions)"])
      #expect(samples.isEmpty)
    }
  }

  @Test func aFIFOIsNeverOpenedForReadingAsAFile() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/pipe"
    #expect(mkfifo(path, 0o600) == 0)
    let (file, samples) = try analyze(path)
    #expect(reasons(file) == ["not a regular file; skipped"])
    #expect(samples.isEmpty)
    #expect(
      DirectoryWalker().walk([directory.path]).problems.map(\.reason) == [
        "not a regular file (device, FIFO or socket); skipped"
      ])
  }
}
