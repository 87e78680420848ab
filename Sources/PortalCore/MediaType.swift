/// The format of one file or record, detected from its bytes (the extension only
/// breaks ties between text formats).
public enum MediaType: String, Codable, Sendable, CaseIterable {
  case plainText = "text/plain"
  case markdown = "text/markdown"
  case jsonl = "application/jsonl"
  case csv = "text/csv"
  case tsv = "text/tab-separated-values"
  case pdf = "application/pdf"
  case png = "image/png"
  case jpeg = "image/jpeg"
  case webp = "image/webp"
  case gif = "image/gif"
  case wav = "audio/wav"
  case flac = "audio/flac"
  case mp3 = "audio/mpeg"
  case ogg = "audio/ogg"
  case mp4 = "video/mp4"
  case webm = "video/webm"
  case matroska = "video/x-matroska"

  /// The modality a sample of this type contributes to its dataset.
  public var modality: Modality {
    switch self {
    case .plainText, .markdown, .jsonl, .csv, .tsv, .pdf: .text
    case .png, .jpeg, .webp, .gif: .image
    case .wav, .flac, .mp3, .ogg: .audio
    case .mp4, .webm, .matroska: .video
    }
  }

  /// A short label for tables ("PNG", "JSONL").
  public var label: String {
    switch self {
    case .plainText: "text"
    case .markdown: "markdown"
    case .jsonl: "JSONL"
    case .csv: "CSV"
    case .tsv: "TSV"
    case .pdf: "PDF"
    case .png: "PNG"
    case .jpeg: "JPEG"
    case .webp: "WebP"
    case .gif: "GIF"
    case .wav: "WAV"
    case .flac: "FLAC"
    case .mp3: "MP3"
    case .ogg: "Ogg"
    case .mp4: "MP4"
    case .webm: "WebM"
    case .matroska: "MKV"
    }
  }

  /// Whether a file of this type holds many samples (one per record or row).
  public var isRecordContainer: Bool {
    switch self {
    case .jsonl, .csv, .tsv: true
    default: false
    }
  }
}
