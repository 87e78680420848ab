import Foundation

/// Speech to text behind one small interface, so a stronger engine (whisper.cpp with a
/// model the user supplies) can replace pocketsphinx by configuration.
public protocol TranscriptionEngine: Sendable {
  /// A name for reports: engine and model.
  var name: String { get }
  /// Transcribes an audio file of any format ffmpeg reads.
  func transcribe(_ audio: URL, shouldStop: @escaping @Sendable () -> Bool) throws -> Transcript
  /// The engine's measured word error rate (0–1) and on what it was measured, for
  /// reports; nil when nobody measured it.
  var measuredWordErrorRate: (rate: Double, measuredOn: String)? { get }
}

extension TranscriptionEngine {
  /// Unmeasured by default: a configured engine states its own figure.
  public var measuredWordErrorRate: (rate: Double, measuredOn: String)? { nil }
}

/// What an engine heard: segments with times.
public struct Transcript: Sendable, Codable, Equatable {
  /// One utterance between pauses.
  public struct Segment: Sendable, Codable, Equatable {
    public var start: Double
    public var end: Double
    public var text: String

    /// Creates a segment.
    public init(start: Double, end: Double, text: String) {
      self.start = start
      self.end = end
      self.text = text
    }
  }

  public var segments: [Segment]
  /// The engine that produced it.
  public var engine: String

  /// Creates a transcript.
  public init(segments: [Segment], engine: String) {
    self.segments = segments
    self.engine = engine
  }

  /// The whole text, one segment per line.
  public var text: String { segments.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n") }
}
