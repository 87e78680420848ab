/// Repairs text that was UTF-8 but got decoded as Windows-1252 or Latin-1 ("CafÃ©" →
/// "Café", "â€™" → "’"), like ftfy's default fix.
///
/// Each maximal run of non-ASCII characters that Windows-1252 can encode is mapped back to
/// bytes; a sequence inside the run is replaced only when those bytes form one complete
/// UTF-8 character that is plausible in text (Latin, Greek, Cyrillic, punctuation,
/// currency, symbols, emoji). Correct text survives because its accented letters are
/// almost never followed by a UTF-8 continuation byte's look-alike ("é" then "©"), and when
/// they are, the decoded character (NKo, Samaritan, private use…) fails the plausibility
/// test. A second pass repairs double encoding.
public enum MojibakeRepair {
  /// Returns the repaired text, or `text` itself when nothing needed repair.
  public static func repair(_ text: String) -> String {
    var current = text
    for _ in 0..<2 {
      guard let repaired = repairOnce(current) else { break }
      current = repaired
    }
    return current
  }

  // MARK: - Private

  private static func repairOnce(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var changed = false
    var index = 0
    while index < scalars.count {
      if let (decoded, length) = decodeSequence(scalars, at: index) {
        out.append(decoded)
        index += length
        changed = true
      } else {
        out.append(scalars[index])
        index += 1
      }
    }
    return changed ? String(out) : nil
  }

  /// Decodes the UTF-8 sequence whose lead byte is `scalars[start]` seen as Windows-1252.
  private static func decodeSequence(_ scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
    guard let lead = windows1252Byte(scalars[start]) else { return nil }
    let length: Int
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return nil
    }
    guard start + length <= scalars.count else { return nil }
    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
    for offset in 1..<length {
      guard let byte = windows1252Byte(scalars[start + offset]), byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    // Reject overlong encodings and implausible results.
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value), isPlausible(value) else { return nil }
    return (scalar, length)
  }

  private static func isPlausible(_ value: UInt32) -> Bool {
    switch value {
    case 0xA0...0x24F, 0x370...0x3FF, 0x400...0x4FF: return true  // Latin, Greek, Cyrillic
    case 0x2010...0x206F, 0x20A0...0x20CF, 0x2100...0x21FF: return true  // punctuation, currency, symbols
    case 0x2200...0x22FF, 0x2500...0x27BF, 0xFB00...0xFB06: return true  // math, boxes, dingbats, ligatures
    case 0x1F300...0x1FAFF: return true  // emoji
    default: return false
    }
  }

  /// The byte Windows-1252 (or Latin-1, for its five undefined positions) encodes `scalar` as.
  private static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
    let value = scalar.value
    if value >= 0x80 && value <= 0xFF { return UInt8(value) }
    return specials[value]
  }

  private static let specials: [UInt32: UInt8] = [
    0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
    0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
    0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
    0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
  ]
}
