/// Makes the short, search-indexed excerpt of a sample: the beginning of its text with
/// whitespace runs collapsed to one space, control and invisible formatting characters
/// removed, at most `limit` Unicode scalars (so at most `limit` characters).
///
/// Owns a scratch buffer reused across records, so one excerpt costs one String
/// allocation; ASCII is handled byte by byte without decoding (this runs once per JSONL
/// record). Use one builder per thread.
struct ExcerptBuilder {
  /// The default and maximum excerpt length in characters.
  static let defaultLimit = 280

  let limit: Int
  /// Room for `limit` scalars of up to 4 UTF-8 bytes each.
  private var scratch: [UInt8]

  init(limit: Int = defaultLimit) {
    self.limit = limit
    scratch = [UInt8](repeating: 0, count: limit * 4 + 4)
  }

  /// The excerpt of `bytes` decoded as `encoding`, or nil if nothing visible remains.
  mutating func excerpt(_ bytes: UnsafeRawBufferPointer, encoding: TextEncodingGuess) -> String? {
    let limit = limit
    return scratch.withUnsafeMutableBufferPointer { output -> String? in
      var writer = Writer(output: output, limit: limit)
      switch encoding {
      case .utf8, .utf8BOM: writer.addUTF8(bytes)
      case .utf16LE, .utf16BE, .windows1252:
        TextDecoding.forEachScalar(bytes, encoding: encoding) { writer.add($0) }
      }
      guard writer.length > 0 else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: output[..<writer.length]), as: UTF8.self)
    }
  }

  /// The excerpt of a byte array (tests, small inputs).
  mutating func excerpt(_ bytes: [UInt8], encoding: TextEncodingGuess) -> String? {
    bytes.withUnsafeBytes { excerpt($0, encoding: encoding) }
  }

  /// Appends scalars to the scratch buffer, applying the excerpt rules.
  private struct Writer {
    let output: UnsafeMutableBufferPointer<UInt8>
    let limit: Int
    var length = 0
    var scalars = 0
    var pendingSpace = false

    init(output: UnsafeMutableBufferPointer<UInt8>, limit: Int) {
      self.output = output
      self.limit = limit
    }

    /// UTF-8 input: ASCII without decoding, the rest through the replacing decoder.
    /// The hot counters live in locals (stores through `output` could otherwise alias
    /// them and force reloads on every byte).
    mutating func addUTF8(_ bytes: UnsafeRawBufferPointer) {
      var index = 0
      let count = bytes.count
      var length = length
      var scalars = scalars
      var pendingSpace = pendingSpace
      defer {
        self.length = length
        self.scalars = scalars
        self.pendingSpace = pendingSpace
      }
      let output = output
      while index < count && scalars < limit {
        if index + 8 <= count, scalars + 9 < limit, length + 9 <= output.count, let input = bytes.baseAddress,
          let out = output.baseAddress
        {
          let raw = input.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if let taken = Self.plainRun(UInt64(littleEndian: raw)) {
            if pendingSpace {
              out[length] = 0x20
              length += 1
              scalars += 1
              pendingSpace = false
            }
            UnsafeMutableRawPointer(out + length).storeBytes(of: raw, as: UInt64.self)
            length += taken
            scalars += taken
            pendingSpace = taken < 8
            index += 8
            continue
          }
        }
        let byte = bytes[index]
        if byte > 0x20 && byte < 0x7F {
          // Printable ASCII, by far the common case: no classification needed.
          index += 1
          if pendingSpace {
            guard scalars + 1 < limit else { return }
            output[length] = 0x20
            length += 1
            scalars += 1
            pendingSpace = false
          }
          output[length] = byte
          length += 1
          scalars += 1
        } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
          index += 1
          pendingSpace = scalars > 0
        } else if byte < 0x80 {
          index += 1  // other C0 controls and DEL are dropped
        } else {
          let (value, width) = TextDecoding.decodeUTF8(bytes, at: index)
          index += width
          self.length = length
          self.scalars = scalars
          self.pendingSpace = pendingSpace
          let more = add(value)
          length = self.length
          scalars = self.scalars
          pendingSpace = self.pendingSpace
          guard more else { return }
        }
      }
    }

    /// Whether the 8 bytes of `word` (in memory order) go to the excerpt unchanged:
    /// printable ASCII with single spaces between, not starting with a space. Returns
    /// how many to keep — 7 when the last is a space, which becomes the pending one —
    /// or nil for the byte-by-byte path. Text is mostly such runs, and testing eight
    /// bytes at once in a register made excerpts about 4 times cheaper (they were 0.46 s
    /// of CPU in a 1.2 M-sample import).
    @inline(__always)
    static func plainRun(_ word: UInt64) -> Int? {
      let high: UInt64 = 0x8080_8080_8080_8080
      let ones: UInt64 = 0x0101_0101_0101_0101
      // Any byte ≥ 0x80 (not ASCII).
      guard word & high == 0 else { return nil }
      // Any byte < 0x20 (controls, tabs, line breaks): exact once all are below 0x80.
      guard (word &- ones &* 0x20) & ~word & high == 0 else { return nil }
      // Any DEL (0x7F): a zero byte in word ^ 0x7F…
      let del = word ^ (ones &* 0x7F)
      guard (del &- ones) & ~del & high == 0 else { return nil }
      // Exactly the bytes that are spaces, as their high bit (no borrows between bytes).
      let spaced = word ^ (ones &* 0x20)
      let low7 = ones &* 0x7F
      let spaces = ~(((spaced & low7) &+ low7) | spaced) & high
      // `word` holds the bytes little-endian: the first in memory is the lowest.
      guard spaces & 0x80 == 0, spaces & (spaces >> 8) == 0 else { return nil }
      return spaces & (1 << 63) == 0 ? 8 : 7
    }

    /// Adds one scalar; returns false once the excerpt is full.
    @inline(__always)
    mutating func add(_ value: UInt32) -> Bool {
      if UnicodeClass.isWhitespace(value) {
        pendingSpace = scalars > 0
        return true
      }
      if UnicodeClass.isControl(value) || value >= 0xAD && isHidden(value) { return true }
      if pendingSpace {
        guard scalars + 1 < limit else { return false }
        output[length] = 0x20
        length += 1
        scalars += 1
        pendingSpace = false
      }
      write(value)
      scalars += 1
      return scalars < limit
    }

    private func isHidden(_ value: UInt32) -> Bool {
      UnicodeClass.isBidiControl(value) || UnicodeClass.isInvisibleFormat(value)
    }

    @inline(__always)
    private mutating func write(_ value: UInt32) {
      length += UnicodeClass.writeUTF8(value, to: output, at: length)
    }
  }
}
