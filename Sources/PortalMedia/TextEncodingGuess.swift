/// The character encoding a text file appears to use, guessed from its first bytes.
public enum TextEncodingGuess: String, Sendable, Hashable, Codable, CaseIterable {
  /// UTF-8 (or plain ASCII) without a byte-order mark.
  case utf8
  /// UTF-8 starting with the byte-order mark EF BB BF.
  case utf8BOM
  /// UTF-16 little-endian with the byte-order mark FF FE.
  case utf16LE
  /// UTF-16 big-endian with the byte-order mark FE FF.
  case utf16BE
  /// Not UTF-8 but text-like: read as Windows-1252 (a superset of Latin-1's printable range).
  case windows1252

  /// A short label for previews ("UTF-8 with BOM").
  public var label: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf8BOM: "UTF-8 with BOM"
    case .utf16LE: "UTF-16 LE"
    case .utf16BE: "UTF-16 BE"
    case .windows1252: "Windows-1252"
    }
  }

  /// Length of the byte-order mark this encoding starts with.
  public var byteOrderMarkLength: Int {
    switch self {
    case .utf8, .windows1252: 0
    case .utf8BOM: 3
    case .utf16LE, .utf16BE: 2
    }
  }

  /// Whether ASCII bytes (newline, comma, quote, brace) mean themselves, so records can
  /// be framed on bytes.
  public var isASCIICompatible: Bool { self != .utf16LE && self != .utf16BE }

  /// Guesses the encoding of a file from its first bytes, or nil if they look binary.
  /// `isWholeFile` says whether `head` is the entire file (a character cut at the end of
  /// a partial head is not an error).
  public static func guess(_ head: [UInt8], isWholeFile: Bool = true) -> TextEncodingGuess? {
    head.withUnsafeBytes { sniff($0, isWholeFile: isWholeFile).encoding }
  }

  // MARK: - Sniffing

  /// What sniffing found: the encoding, and whether NUL bytes were tolerated in text.
  struct Sniff {
    var encoding: TextEncodingGuess?
    var hasNUL = false
  }

  static func sniff(_ head: UnsafeRawBufferPointer, isWholeFile: Bool) -> Sniff {
    let count = head.count
    if count >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF { return Sniff(encoding: .utf8BOM) }
    if count >= 2 && head[0] == 0xFF && head[1] == 0xFE { return Sniff(encoding: .utf16LE) }
    if count >= 2 && head[0] == 0xFE && head[1] == 0xFF { return Sniff(encoding: .utf16BE) }
    var nuls = 0
    var controls = 0
    for byte in head where byte < 0x20 || byte == 0x7F {
      switch byte {
      case 0: nuls += 1
      // Tab, line feed, vertical tab, form feed, carriage return and ESC occur in real text.
      case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: break
      default: controls += 1
      }
    }
    // Text tolerates a stray NUL (a broken export); binary formats are full of them.
    let fewNULs = nuls <= max(1, count / 1000)
    // Scraped text carries the odd BEL, backspace or terminal sequence (which previews
    // show as visible escapes): up to 2% controls, and in short files up to 8 but never
    // more than one byte in eight. Binary data without NULs (compressed, encrypted) has
    // about 12% of its bytes below 0x20; binary headers are denser still.
    let fewControls = controls <= max(count / 50, min(8, count / 8))
    guard fewNULs && fewControls else { return Sniff() }
    var validator = UTF8Validator()
    validator.feed(head)
    let cutAtEnd = validator.isMidSequence && !isWholeFile
    let errors = validator.errors + (validator.isMidSequence && !cutAtEnd ? 1 : 0)
    // Mostly well-formed UTF-8 with a few bad bytes is still UTF-8 (read with U+FFFD);
    // Latin-1 text has stray high bytes and few or no valid sequences.
    if errors == 0 || validator.multibyteSequences > errors * 4 {
      return Sniff(encoding: .utf8, hasNUL: nuls > 0)
    }
    return nuls == 0 ? Sniff(encoding: .windows1252) : Sniff()
  }
}
