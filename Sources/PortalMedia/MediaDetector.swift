import PortalCore

/// Recognises a file's format from its first bytes; the extension only breaks ties
/// between text formats (a `.txt` holding a PNG is a PNG).
public enum MediaDetector {
  /// How many leading bytes detection looks at (text sniffing reads the first lines).
  public static let headLength = 64 * 1024

  /// The supported formats, for "unrecognised format" messages.
  public static let supportedFormats =
    "PDF, PNG, JPEG, WebP, GIF, WAV, FLAC, MP3, Ogg, MP4, WebM, Matroska, "
    + "and text (plain, Markdown, JSONL, CSV, TSV; UTF-8, UTF-16 with BOM, Windows-1252)"

  /// Detects the format of `head` (the first bytes of a file, ideally `headLength` of
  /// them); nil when it is binary in no supported format. `fileExtension` is lower-case
  /// without the dot; `isWholeFile` says whether `head` is the entire file.
  public static func detect(_ head: [UInt8], fileExtension: String, isWholeFile: Bool) -> MediaDetection? {
    head.withUnsafeBytes { detect($0, fileExtension: fileExtension, isWholeFile: isWholeFile) }
  }

  static func detect(_ head: UnsafeRawBufferPointer, fileExtension: String, isWholeFile: Bool) -> MediaDetection? {
    let head = UnsafeRawBufferPointer(rebasing: head.prefix(headLength))
    let isWholeFile = isWholeFile && head.count < headLength
    if let binary = magic(head) { return MediaDetection(mediaType: binary) }
    let sniff = TextEncodingGuess.sniff(head, isWholeFile: isWholeFile)
    guard let encoding = sniff.encoding else { return nil }
    var detection = TextFormatSniffer.classify(
      head, encoding: encoding, fileExtension: fileExtension, isWholeFile: isWholeFile)
    if sniff.hasNUL { detection.notes.append("contains NUL bytes (kept as they are)") }
    return detection
  }

  // MARK: - Magic numbers

  private static func magic(_ bytes: UnsafeRawBufferPointer) -> MediaType? {
    func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
      guard bytes.count >= offset + prefix.count else { return false }
      for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
      return true
    }
    // ASCII signatures as static strings: no array is built per file.
    func starts(_ prefix: StaticString, at offset: Int = 0) -> Bool {
      starts(UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount), at: offset)
    }
    func starts(_ prefix: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
      guard bytes.count >= offset + prefix.count else { return false }
      for (index, byte) in prefix.enumerated() where bytes[offset + index] != byte { return false }
      return true
    }
    if starts("%PDF-") { return .pdf }
    if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
    if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
    if starts("GIF87a") || starts("GIF89a") { return .gif }
    if starts("RIFF") {
      if starts("WEBP", at: 8) { return .webp }
      if starts("WAVE", at: 8) { return .wav }
    }
    if starts("fLaC") { return .flac }
    if starts("OggS") { return .ogg }
    if starts("ID3") { return .mp3 }
    if starts("ftyp", at: 4) { return .mp4 }
    if starts([0x1A, 0x45, 0xDF, 0xA3]) { return EBMLHeader.docType(bytes) }
    // FF FE is both a UTF-16 byte-order mark and a valid MPEG layer I header; text wins
    // (layer I files are rare, UTF-16 exports are not).
    if starts([0xFF, 0xFE]) { return nil }
    if isMPEGAudioFrame(bytes) { return .mp3 }
    return nil
  }

  /// An MPEG-1/2/2.5 layer I–III frame header at offset 0 (sync, a real layer, a valid
  /// bitrate and sample-rate index), so that ADTS and random 0xFF bytes do not qualify.
  private static func isMPEGAudioFrame(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] & 0xE0 == 0xE0 else { return false }
    let version = (bytes[1] >> 3) & 0x03
    let layer = (bytes[1] >> 1) & 0x03
    let bitrate = bytes[2] >> 4
    let sampleRate = (bytes[2] >> 2) & 0x03
    return version != 0x01 && layer != 0 && bitrate != 0x0F && sampleRate != 0x03
  }
}
