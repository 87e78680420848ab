import Foundation

/// Turns text into 64-bit word hashes after datatrove's `simplify_text`: lower-cased,
/// punctuation removed (not replaced: "l'homme" → "lhomme"), diacritics stripped, every
/// run of digits → "0", split on whitespace. Works on UTF-8 bytes without building strings;
/// only non-ASCII characters take a slower path (a table for Latin letters, Unicode
/// properties and lower-casing otherwise). Diacritics are stripped from Latin letters only;
/// word hashes are not bit-compatible with datatrove's xxhash of joined shingles.
enum ShingleHasher {
  /// Word hashes (FNV-1a over the simplified bytes) in order.
  static func wordHashes(_ text: String) -> [UInt64] {
    var text = text
    return text.withUTF8 { wordHashes(bytes: $0) }
  }

  static func wordHashes(bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    var words: [UInt64] = []
    words.reserveCapacity(bytes.count / 5)
    let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    var hash = offset
    var inWord = false
    var inDigits = false

    @inline(__always) func feed(_ byte: UInt8) {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      inWord = true
    }
    @inline(__always) func endWord() {
      if inWord { words.append(hash) }
      hash = offset
      inWord = false
      inDigits = false
    }

    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        switch byte {
        case 0x61...0x7A:
          feed(byte)
          inDigits = false
        case 0x41...0x5A:
          feed(byte | 0x20)
          inDigits = false
        case 0x30...0x39:
          if !inDigits { feed(0x30) }
          inDigits = true
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: endWord()
        default: break  // ASCII punctuation and controls are removed
        }
        index += 1
        continue
      }
      // Decode one non-ASCII scalar.
      let (scalar, length) = decodeScalar(bytes, at: index)
      index += length
      if let folded = latinFold[scalar] {
        for folded in folded { feed(folded) }
        inDigits = false
        continue
      }
      guard let unicode = Unicode.Scalar(scalar) else { continue }
      let properties = unicode.properties
      if properties.isWhitespace {
        endWord()
      } else if isRemoved(properties.generalCategory) {
        continue
      } else {
        for byte in String(unicode).lowercased().utf8 { feed(byte) }
        inDigits = false
      }
    }
    endWord()
    return words
  }

  private static func isRemoved(_ category: Unicode.GeneralCategory) -> Bool {
    switch category {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation, .nonspacingMark, .format, .control:
      return true
    default: return false
    }
  }

  private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let lead = bytes[index]
    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    guard index + length <= bytes.count, length > 1 else { return (0xFFFD, 1) }
    var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return (value, length)
  }

  /// Latin-1 Supplement and Latin Extended-A/B letters → lower-case bytes without marks.
  private static let latinFold: [UInt32: [UInt8]] = {
    var table: [UInt32: [UInt8]] = [:]
    for value in UInt32(0xC0)...0x24F {
      guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
      let folded = String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        .filter { $0.properties.generalCategory != .nonspacingMark }
      table[value] = Array(String(String.UnicodeScalarView(folded)).utf8)
    }
    return table
  }()
}
