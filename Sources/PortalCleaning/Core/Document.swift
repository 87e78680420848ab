/// One unit of text flowing through a cleaning pipeline: a text file, a JSONL record's
/// text, a CSV row, or the output of OCR or transcription.
public struct Document: Sendable, Hashable, Codable {
  /// The document's ordinal in its source version; steps report drops and clusters by it.
  public var id: Int
  /// The text; steps may replace it (normalisation, redaction).
  public var text: String
  /// A BCP-47 tag when known (from metadata or the language step), else `nil`.
  public var language: String?

  /// Creates a document.
  public init(id: Int, text: String, language: String? = nil) {
    self.id = id
    self.text = text
    self.language = language
  }
}
