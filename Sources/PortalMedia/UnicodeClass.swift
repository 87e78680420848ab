/// Character classes shared by the excerpt builder and the terminal sanitiser, decided
/// on scalar values so hot loops need no Unicode property lookups.
enum UnicodeClass {
  /// C0 controls, DEL and C1 controls.
  @inline(__always)
  static func isControl(_ value: UInt32) -> Bool { value < 0x20 || (value >= 0x7F && value <= 0x9F) }

  /// Bidirectional overrides, embeddings, isolates and marks: they reorder or disguise
  /// what a reader sees ("Trojan Source").
  @inline(__always)
  static func isBidiControl(_ value: UInt32) -> Bool {
    (value >= 0x202A && value <= 0x202E) || (value >= 0x2066 && value <= 0x2069) || value == 0x200E
      || value == 0x200F || value == 0x061C
  }

  /// Zero-width and other invisible formatting characters (soft hyphen, zero-width
  /// space and joiners, word joiner, line and paragraph separators, BOM).
  @inline(__always)
  static func isInvisibleFormat(_ value: UInt32) -> Bool {
    value == 0x00AD || value == 0x180E || (value >= 0x200B && value <= 0x200D) || value == 0x2028
      || value == 0x2029 || (value >= 0x2060 && value <= 0x2064) || value == 0xFEFF
  }

  /// Unicode White_Space characters (ASCII and beyond).
  @inline(__always)
  static func isWhitespace(_ value: UInt32) -> Bool {
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    return value == 0x85 || value == 0xA0 || value == 0x1680 || (value >= 0x2000 && value <= 0x200A)
      || value == 0x2028 || value == 0x2029 || value == 0x202F || value == 0x205F || value == 0x3000
  }

  /// Writes `value` as UTF-8 at `offset` (surrogates and out-of-range become U+FFFD);
  /// returns the bytes written. The caller leaves 4 bytes of room.
  @inline(__always)
  static func writeUTF8(_ value: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
    var value = value
    if (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF { value = TextDecoding.replacement }
    switch value {
    case 0..<0x80:
      output[offset] = UInt8(value)
      return 1
    case 0x80..<0x800:
      output[offset] = UInt8(0xC0 | value >> 6)
      output[offset + 1] = UInt8(0x80 | value & 0x3F)
      return 2
    case 0x800..<0x10000:
      output[offset] = UInt8(0xE0 | value >> 12)
      output[offset + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
      output[offset + 2] = UInt8(0x80 | value & 0x3F)
      return 3
    default:
      output[offset] = UInt8(0xF0 | value >> 18)
      output[offset + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
      output[offset + 2] = UInt8(0x80 | (value >> 6) & 0x3F)
      output[offset + 3] = UInt8(0x80 | value & 0x3F)
      return 4
    }
  }
}
