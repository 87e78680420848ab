import Foundation

/// CMU pocketsphinx (Debian's 0.8 `pocketsphinx_continuous` with the en-us model). The
/// audio is first converted by ffmpeg to 16 kHz mono 16-bit PCM with a plain 44-byte
/// header, which is all this version reads. English only, and weak on synthetic or
/// noisy speech: reports carry the engine's name so nobody mistakes it for more.
public struct PocketSphinxEngine: TranscriptionEngine {
  /// Where Debian's pocketsphinx-en-us puts the model.
  public static let modelDirectory = "/usr/share/pocketsphinx/model/en-us"

  public var name: String { "pocketsphinx 0.8 (en-us, Debian)" }

  /// Word error rate measured by MediaJobTests on the demo's English recordings
  /// (espeak-ng synthetic speech; the French one is outside the model and excluded).
  public static let demoWordErrorRate = 0.54
  /// What the figure was measured on, for reports and help.
  public static let demoMeasurement =
    "mean word error rate on the demo's English recordings (synthetic espeak-ng speech), measured by the test suite; clear human speech usually does better, noisy or non-English audio far worse"

  public var measuredWordErrorRate: (rate: Double, measuredOn: String)? {
    (Self.demoWordErrorRate, Self.demoMeasurement)
  }
  public var timeout: TimeInterval
  private let recogniser: URL
  private let converter: URL
  private let model: String

  /// Creates the engine; fails naming the Debian package that is missing.
  public init(modelDirectory: String = Self.modelDirectory, timeout: TimeInterval = 600) throws {
    self.timeout = timeout
    recogniser = try ToolRunner.locate("pocketsphinx_continuous", package: "pocketsphinx")
    converter = try ToolRunner.locate("ffmpeg", package: "ffmpeg")
    for file in ["en-us/mdef", "en-us.lm.bin", "cmudict-en-us.dict"]
    where !FileManager.default.fileExists(atPath: modelDirectory + "/" + file) {
      throw ToolRunner.Failure.missing(tool: "the pocketsphinx en-us model", package: "pocketsphinx-en-us")
    }
    model = modelDirectory
  }

  /// Converts, recognises and returns the utterances with their times.
  public func transcribe(_ audio: URL, shouldStop: @escaping @Sendable () -> Bool) throws -> Transcript {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("portal-asr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let wav = scratch.appendingPathComponent("audio.wav")
    let converted = try ToolRunner.run(
      converter,
      [
        "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", audio.path, "-ar", "16000", "-ac", "1",
        "-c:a", "pcm_s16le", "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:a", "+bitexact", wav.path,
      ], timeout: timeout, shouldStop: shouldStop)
    guard converted.status == 0 else {
      throw ToolRunner.Failure.failed(
        tool: "ffmpeg", status: converted.status, message: "cannot decode the audio (\(converted.lastErrorLine))")
    }
    let output = try ToolRunner.run(
      recogniser,
      [
        "-infile", wav.path, "-hmm", model + "/en-us", "-lm", model + "/en-us.lm.bin", "-dict",
        model + "/cmudict-en-us.dict", "-time", "yes",
      ], timeout: timeout, shouldStop: shouldStop)
    guard output.status == 0 else {
      throw ToolRunner.Failure.failed(
        tool: "pocketsphinx_continuous", status: output.status, message: output.lastErrorLine)
    }
    return Transcript(
      segments: Self.segments(fromTimedOutput: String(decoding: output.stdout, as: UTF8.self)), engine: name)
  }

  /// Parses `-time yes` output: per utterance a hypothesis line, then `word start end
  /// confidence` lines from `<s>` to `</s>`.
  static func segments(fromTimedOutput output: String) -> [Transcript.Segment] {
    var segments: [Transcript.Segment] = []
    var words: [String] = []
    var start: Double?
    var end = 0.0
    func close() {
      if let start, !words.isEmpty {
        segments.append(Transcript.Segment(start: start, end: end, text: words.joined(separator: " ")))
      }
      words = []
      start = nil
    }
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: " ")
      guard fields.count == 4, let from = Double(fields[1]), let to = Double(fields[2]), Double(fields[3]) != nil
      else { continue }
      var word = String(fields[0])
      switch word {
      case "<s>":
        close()
        start = from
      case "</s>":
        end = to
        close()
      default:
        if start == nil { start = from }
        end = to
        if word.hasPrefix("<") || word.hasPrefix("[") || word.hasPrefix("++") { continue }
        if let paren = word.firstIndex(of: "(") { word = String(word[..<paren]) }
        words.append(word)
      }
    }
    close()
    return segments
  }
}
