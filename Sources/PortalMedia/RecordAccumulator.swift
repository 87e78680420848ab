import Crypto

/// One record found by a framer, handed to the analyzer before the framer moves on.
/// `prefix` (the record's first bytes, at most `RecordAccumulator.prefixLimit`) is only
/// valid during the call.
struct RecordSpan {
  var offset: Int64
  var length: Int64
  var digest: SHA256.Digest
  var prefix: UnsafeRawBufferPointer
  /// 1-based line on which the record starts.
  var line: Int
  var isValidUTF8: Bool
  /// Whether the record holds only spaces, tabs and carriage returns.
  var isBlank = false
}

/// Collects a record that spans several reads: hashes it incrementally, keeps only its
/// first `prefixLimit` bytes (for the excerpt), so a 100 MB line costs 64 KiB of memory.
///
/// A carriage return at the end of a piece is held back until the next piece shows
/// whether it was half of a CRLF terminator (dropped) or content (kept).
struct RecordAccumulator {
  /// Bytes of a record kept for its excerpt.
  static let prefixLimit = 64 * 1024

  private(set) var isActive = false
  private(set) var start: Int64 = 0
  private(set) var length: Int64 = 0
  private(set) var prefix: [UInt8] = []
  private(set) var hasContent = false
  private(set) var line = 1
  private var hasher = SHA256()
  private var validator = UTF8Validator()
  private var pendingCR = false

  /// Starts a record at `offset`, beginning on `line`.
  mutating func begin(at offset: Int64, line: Int) {
    isActive = true
    start = offset
    self.line = line
    length = 0
    prefix.removeAll(keepingCapacity: true)
    hasContent = false
    hasher = SHA256()
    validator = UTF8Validator()
    pendingCR = false
  }

  /// Adds a piece that the end of a read cut off (more of the record follows).
  mutating func append(_ piece: UnsafeRawBufferPointer) {
    guard !piece.isEmpty else { return }
    releasePendingCR()
    if piece[piece.count - 1] == 0x0D {
      feed(UnsafeRawBufferPointer(rebasing: piece.dropLast()))
      pendingCR = true
    } else {
      feed(piece)
    }
  }

  /// Adds the last piece (the bytes before the line feed, or before end of file) and
  /// hands the completed record to `body`.
  mutating func finish<Result>(_ piece: UnsafeRawBufferPointer, _ body: (RecordSpan) throws -> Result) rethrows
    -> Result
  {
    if !piece.isEmpty {
      releasePendingCR()
      feed(piece[piece.count - 1] == 0x0D ? UnsafeRawBufferPointer(rebasing: piece.dropLast()) : piece)
    }
    pendingCR = false
    isActive = false
    let isValid = validator.finish()
    let digest = hasher.finalize()
    return try prefix.withUnsafeBytes { bytes in
      try body(
        RecordSpan(
          offset: start, length: length, digest: digest, prefix: bytes, line: line, isValidUTF8: isValid,
          isBlank: !hasContent))
    }
  }

  private mutating func releasePendingCR() {
    guard pendingCR else { return }
    pendingCR = false
    withUnsafeBytes(of: UInt8(0x0D)) { feed($0) }
  }

  private mutating func feed(_ bytes: UnsafeRawBufferPointer) {
    guard !bytes.isEmpty else { return }
    hasher.update(bufferPointer: bytes)
    validator.feed(bytes)
    length += Int64(bytes.count)
    if prefix.count < Self.prefixLimit {
      prefix.append(contentsOf: bytes.prefix(Self.prefixLimit - prefix.count))
    }
    if !hasContent { hasContent = bytes.contains { !TextFormatSniffer.isSpace($0) } }
  }
}
