import PortalCore

/// A sample decoded for showing: terminal-independent values a renderer draws into any
/// rectangle. Every string in it has passed ``TerminalSanitizer``.
public struct SamplePreview: Sendable {
  /// Where the sample is, as people see it ("scans/page-4.png", "dialogues.jsonl @ 5120").
  public var title: String
  /// The sample's format.
  public var mediaType: MediaType
  /// Short facts shown under the title ("1600×1067", "UTF-8", "≈ 3.2M lines").
  public var facts: [PreviewFact]
  /// Remarks the user should see (a missing tool and the package to install, a file
  /// that is truncated); each one line.
  public var notices: [String]
  /// The decoded content, or a one-line reason it cannot be shown.
  public var content: PreviewContent

  /// Creates a preview.
  public init(
    title: String, mediaType: MediaType, facts: [PreviewFact] = [], notices: [String] = [],
    content: PreviewContent
  ) {
    self.title = TerminalSanitizer.line(title)
    self.mediaType = mediaType
    self.facts = facts
    self.notices = notices.map(TerminalSanitizer.line)
    self.content = content
  }
}

/// One labelled fact ("rate", "44.1 kHz"); both parts sanitised.
public struct PreviewFact: Sendable, Hashable {
  /// What the value is, lower case ("duration"); empty when the value speaks for itself.
  public var label: String
  /// The value as shown.
  public var value: String

  /// Creates a fact, sanitising both parts.
  public init(_ label: String, _ value: String) {
    self.label = TerminalSanitizer.line(label)
    self.value = TerminalSanitizer.line(value)
  }
}

/// What a preview shows in its body.
public enum PreviewContent: Sendable {
  /// A page of text (plain, Markdown, long-form), already wrapped to the pane's width.
  case text(TextPage)
  /// One JSONL record pretty-printed.
  case json(JSONRecordPreview)
  /// A CSV/TSV row among its neighbours, under the header.
  case table(TablePreview)
  /// A PDF page: its text and a rendering of it.
  case document(DocumentPreview)
  /// A still image scaled to the pane.
  case image(PreviewImage)
  /// A waveform, levels and a transcript.
  case audio(AudioPreview)
  /// Stream facts and frames.
  case video(VideoPreview)
  /// Why nothing can be shown, in one line ("corrupt PNG: IDAT: CRC error").
  case failure(String)
}
