/// A streaming UTF-8 validator (Unicode's well-formedness table, no overlongs, no
/// surrogates) that can be fed a record in pieces: a sequence split across two reads is
/// judged as a whole. Pure ASCII runs are checked eight bytes at a time.
struct UTF8Validator {
  /// Continuation bytes still expected by the current sequence.
  private var needed = 0
  /// Allowed range of the next continuation byte (narrower after E0, ED, F0, F4).
  private var lower: UInt8 = 0x80
  private var upper: UInt8 = 0xBF
  /// Ill-formed sequences seen so far.
  private(set) var errors = 0
  /// Well-formed multi-byte sequences seen so far.
  private(set) var multibyteSequences = 0

  /// Whether a sequence is still open (the bytes so far end mid-character).
  var isMidSequence: Bool { needed > 0 }

  /// Checks the next bytes.
  mutating func feed(_ bytes: UnsafeRawBufferPointer) {
    let count = bytes.count
    var index = 0
    while index < count {
      if needed == 0 {
        while index + 8 <= count,
          bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
          index += 8
        }
        guard index < count else { break }
        let byte = bytes[index]
        index += 1
        if byte >= 0x80 { start(byte) }
      } else {
        let byte = bytes[index]
        guard byte >= lower && byte <= upper else {
          // The sequence is broken; the byte is judged again as a possible start.
          errors += 1
          needed = 0
          continue
        }
        index += 1
        needed -= 1
        lower = 0x80
        upper = 0xBF
        if needed == 0 { multibyteSequences += 1 }
      }
    }
  }

  /// Ends the input: an unfinished sequence counts as an error. Returns whether all was valid.
  mutating func finish() -> Bool {
    if needed > 0 {
      errors += 1
      needed = 0
    }
    return errors == 0
  }

  private mutating func start(_ byte: UInt8) {
    lower = 0x80
    upper = 0xBF
    switch byte {
    case 0xC2...0xDF: needed = 1
    case 0xE0:
      needed = 2
      lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: needed = 2
    case 0xED:
      needed = 2
      upper = 0x9F
    case 0xF0:
      needed = 3
      lower = 0x90
    case 0xF1...0xF3: needed = 3
    case 0xF4:
      needed = 3
      upper = 0x8F
    default: errors += 1
    }
  }
}
