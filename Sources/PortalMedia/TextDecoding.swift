/// Decodes bytes in a guessed encoding into Unicode scalars, replacing anything
/// ill-formed (invalid UTF-8, lone surrogates, a cut character) with U+FFFD.
enum TextDecoding {
  /// U+FFFD REPLACEMENT CHARACTER.
  static let replacement: UInt32 = 0xFFFD

  /// Windows-1252 0x80–0x9F; the five undefined bytes map to the C1 code point of the
  /// same value, as WHATWG does.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
  ]

  /// Calls `body` with each scalar until it returns false or the bytes run out.
  @inline(__always)
  static func forEachScalar(
    _ bytes: UnsafeRawBufferPointer, encoding: TextEncodingGuess, _ body: (UInt32) -> Bool
  ) {
    switch encoding {
    case .utf8, .utf8BOM: forEachUTF8Scalar(bytes, body)
    case .windows1252:
      for byte in bytes {
        let scalar = byte >= 0x80 && byte <= 0x9F ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
        if !body(scalar) { return }
      }
    case .utf16LE, .utf16BE: forEachUTF16Scalar(bytes, bigEndian: encoding == .utf16BE, body)
    }
  }

  /// The whole of `bytes` as a String.
  static func string(_ bytes: [UInt8], encoding: TextEncodingGuess) -> String {
    var scalars = String.UnicodeScalarView()
    bytes.withUnsafeBytes { raw in
      forEachScalar(raw, encoding: encoding) { value in
        scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        return true
      }
    }
    return String(scalars)
  }

  // MARK: - UTF-8

  @inline(__always)
  static func forEachUTF8Scalar(_ bytes: UnsafeRawBufferPointer, _ body: (UInt32) -> Bool) {
    let count = bytes.count
    var index = 0
    while index < count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        if !body(UInt32(lead)) { return }
        continue
      }
      let (value, length) = decodeUTF8(bytes, at: index)
      index += length
      if !body(value) { return }
    }
  }

  /// One multi-byte scalar at `index`: its value (U+FFFD if ill-formed) and the bytes
  /// consumed (at least 1, so decoding always advances).
  static func decodeUTF8(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (UInt32, Int) {
    let lead = bytes[index]
    let length: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
    case 0xE0...0xEF:
      (length, value) = (3, UInt32(lead & 0x0F))
      if lead == 0xE0 { lower = 0xA0 }
      if lead == 0xED { upper = 0x9F }
    case 0xF0...0xF4:
      (length, value) = (4, UInt32(lead & 0x07))
      if lead == 0xF0 { lower = 0x90 }
      if lead == 0xF4 { upper = 0x8F }
    default: return (replacement, 1)
    }
    for offset in 1..<length {
      guard index + offset < bytes.count else { return (replacement, offset) }
      let byte = bytes[index + offset]
      guard byte >= lower && byte <= upper else { return (replacement, offset) }
      lower = 0x80
      upper = 0xBF
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return (value, length)
  }

  // MARK: - UTF-16

  private static func forEachUTF16Scalar(
    _ bytes: UnsafeRawBufferPointer, bigEndian: Bool, _ body: (UInt32) -> Bool
  ) {
    func unit(_ index: Int) -> UInt32 {
      bigEndian
        ? UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1]) : UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index])
    }
    var index = 0
    while index + 1 < bytes.count {
      let first = unit(index)
      index += 2
      var value = first
      if first >= 0xD800 && first <= 0xDBFF {
        if index + 1 < bytes.count, case let second = unit(index), second >= 0xDC00 && second <= 0xDFFF {
          value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
          index += 2
        } else {
          value = replacement
        }
      } else if first >= 0xDC00 && first <= 0xDFFF {
        value = replacement
      }
      if !body(value) { return }
    }
    if index < bytes.count { _ = body(replacement) }
  }
}
