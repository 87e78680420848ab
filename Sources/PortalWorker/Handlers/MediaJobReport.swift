import Foundation

/// The report of an OCR or transcription run: the engine, counts, quality figures and
/// the inputs that could not be used (at most 50 listed, all counted).
struct MediaJobReport: Codable, Sendable {
  struct Problem: Codable, Sendable {
    var sample: Int
    var path: String
    var reason: String
  }

  struct Step: Codable, Sendable {
    var step: String
    var itemsIn = 0
    var itemsOut = 0
    var changed = 0
    var removed = 0

    enum CodingKeys: String, CodingKey {
      case step
      case itemsIn = "items_in"
      case itemsOut = "items_out"
      case changed, removed
    }
  }

  var engine: String
  var step: Step
  /// OCR: pages read, words found, their mean confidence (0–100), words under 60.
  var pages = 0
  var words = 0
  var confidenceSum = 0.0
  var lowConfidenceWords = 0
  /// Transcription: seconds of audio and segments heard.
  var audioSeconds = 0.0
  var segments = 0
  /// Transcription: the engine's measured word error rate and what it was measured on.
  var wordErrorRate: Double?
  var wordErrorRateNote: String?
  var problemCount = 0
  var problems: [Problem] = []

  init(engine: String, step: String) {
    self.engine = engine
    self.step = Step(step: step)
  }

  mutating func problem(_ sample: Int, _ path: String, _ reason: String) {
    problemCount += 1
    step.removed += 1
    if problems.count < 50 { problems.append(Problem(sample: sample, path: path, reason: reason)) }
  }

  /// Fails the job when nothing at all could be read, naming the first reason.
  func check(inputCount: Int) throws {
    guard step.itemsOut == 0 else { return }
    let first = problems.first.map { ": \($0.path): \($0.reason)" } ?? ""
    throw JobFailure(
      "none of the \(inputCount) samples could be used\(first)", retryable: inputCount == 0 ? false : true)
  }

  func json() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var copy = self
    copy.confidenceSum = words > 0 ? (confidenceSum / Double(words) * 10).rounded() / 10 : 0
    return (try? encoder.encode(copy)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  enum CodingKeys: String, CodingKey {
    case engine, step, pages, words
    case confidenceSum = "mean_word_confidence"
    case lowConfidenceWords = "words_below_60"
    case audioSeconds = "audio_seconds"
    case segments
    case wordErrorRate = "word_error_rate"
    case wordErrorRateNote = "word_error_rate_note"
    case problemCount = "problem_count"
    case problems
  }
}
