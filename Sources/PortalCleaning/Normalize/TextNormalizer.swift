import Foundation

/// Unicode and whitespace normalisation, in this order: mojibake repair (see
/// ``MojibakeRepair``), NFC, removal of control and invisible characters (keeping `\n` and
/// `\t`), CRLF/CR → LF, Unicode spaces → ASCII space, runs of spaces inside a line → one
/// space (leading indentation is kept: it carries structure in code and verse), trailing
/// spaces and tabs trimmed, at most one blank line in a row, no blank lines at either end.
///
/// Plain ASCII text that is already tidy is returned without copying.
public struct TextNormalizer: Sendable {
  /// Whether to repair mojibake (on by default, like ftfy).
  public var repairMojibake: Bool

  /// Creates a normaliser.
  public init(repairMojibake: Bool = true) { self.repairMojibake = repairMojibake }

  /// Returns the normalised text.
  public func normalize(_ text: String) -> String {
    var text = text
    let (isASCII, isTidy) = text.withUTF8 { Self.inspect($0) }
    if isASCII && isTidy { return text }
    if !isASCII {
      let (mayBeMojibake, mayNeedNFC) = text.withUTF8 { Self.inspectNonASCII($0) }
      if repairMojibake && mayBeMojibake { text = MojibakeRepair.repair(text) }
      if mayNeedNFC { text = text.precomposedStringWithCanonicalMapping }
    }
    return text.withUTF8 { Self.tidy($0) }
  }

  // MARK: - Byte passes

  /// One pass deciding whether any work is needed at all.
  static func inspect(_ bytes: UnsafeBufferPointer<UInt8>) -> (isASCII: Bool, isTidy: Bool) {
    var isASCII = true
    var isTidy = true
    var previous: UInt8 = 0x0A
    var newlines = 0
    for byte in bytes {
      if byte >= 0x80 { isASCII = false }
      if byte < 0x20 && byte != 0x0A && byte != 0x09 || byte == 0x7F { isTidy = false }
      if byte == 0x0A {
        newlines += 1
        if newlines > 2 || previous == 0x20 || previous == 0x09 { isTidy = false }
      } else if byte != 0x20 {
        newlines = 0
      } else if previous == 0x20 {
        isTidy = false
      }
      previous = byte
    }
    if let first = bytes.first, first == 0x0A || first == 0x20 { isTidy = false }
    if let last = bytes.last, last == 0x0A || last == 0x20 || last == 0x09 { isTidy = false }
    return (isASCII, isTidy)
  }

  /// Cheap byte tests that let most non-ASCII text skip the scalar-level passes.
  ///
  /// Mojibake needs a Windows-1252 lead character (U+00C2–U+00F4, bytes C3 82–C3 B4)
  /// directly followed by a continuation look-alike (U+0080–U+00BF, or a Windows-1252
  /// special such as ‚ ƒ „ … ‰ Š Œ ˆ ˜ ’ “ ” • – — ™). NFC can only change text holding
  /// scalars from U+0300 up, other than general punctuation and currency signs (E2 80–E2 82).
  static func inspectNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (mayBeMojibake: Bool, mayNeedNFC: Bool) {
    var mojibake = false
    var nfc = false
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0xC0 {
        index += 1
        continue
      }
      if byte >= 0xCC && !(byte == 0xE2 && index + 1 < count && bytes[index + 1] <= 0x82) { nfc = true }
      if byte == 0xC3 && index + 3 < count && (0x82...0xB4).contains(bytes[index + 1]) {
        let next = bytes[index + 2]
        let after = bytes[index + 3]
        if next == 0xC2 && after < 0xC0 || next == 0xE2 && (after == 0x80 || after == 0x82 || after == 0x84)
          || next == 0xC5
          || next == 0xC6 || next == 0xCB
        {
          mojibake = true
        }
      }
      if mojibake && nfc { break }
      index += 1
    }
    return (mojibake, nfc)
  }

  /// Rewrites control characters, spaces and line endings in one pass over UTF-8 bytes.
  static func tidy(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var out = [UInt8]()
    out.reserveCapacity(bytes.count)
    var pendingSpaces = 0  // spaces seen but not yet written (dropped if the line ends)
    var pendingNewlines = 0
    var atLineStart = true
    var index = 0
    let count = bytes.count

    func emit(_ byte: UInt8) {
      if pendingNewlines > 0 {
        if !out.isEmpty { out.append(contentsOf: repeatElement(0x0A, count: min(pendingNewlines, 2))) }
        pendingNewlines = 0
      }
      if pendingSpaces > 0 {
        // Indentation is kept as is; a run inside a line becomes one space.
        let keep = atLineStart ? pendingSpaces : 1
        if !out.isEmpty || atLineStart { out.append(contentsOf: repeatElement(0x20, count: keep)) }
        pendingSpaces = 0
      }
      atLineStart = false
      out.append(byte)
    }
    func space() { pendingSpaces += 1 }
    func newline() {
      pendingSpaces = 0
      pendingNewlines += 1
      atLineStart = true
    }

    while index < count {
      let byte = bytes[index]
      switch byte {
      case 0x0D:
        newline()
        if index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
      case 0x0A: newline()
      case 0x20: space()
      case 0x09:
        if pendingSpaces > 0 && !atLineStart { pendingSpaces = 0 }
        emit(0x09)
      case 0x00..<0x20, 0x7F: break
      case 0xC2 where index + 1 < count && bytes[index + 1] < 0xA1:
        // U+0080–U+009F (C1 controls) are removed; U+00A0 (no-break space) is a space.
        if bytes[index + 1] == 0xA0 { space() }
        index += 1
      case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (0x80...0x8B).contains(bytes[index + 2]):
        // U+2000–U+200A are spaces; U+200B (zero-width space) is dropped.
        if bytes[index + 2] != 0x8B { space() }
        index += 2
      case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF:
        space()  // U+202F narrow no-break space, common in French typography
        index += 2
      case 0xE3 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80:
        space()  // U+3000 ideographic space
        index += 2
      case 0xEF where index + 2 < count && bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF:
        index += 2  // a byte-order mark inside text carries nothing
      default: emit(byte)
      }
      index += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
