/// Where a WAV file's samples are and how they are encoded: what the waveform reader
/// needs beyond ``WAVHeader``'s facts. Walks the RIFF chunks (word-aligned) to `fmt `
/// and `data`; never trusts a size past the end of the file.
struct WAVLayout: Sendable, Hashable {
  /// Sample encodings the reader decodes.
  enum Encoding: Sendable, Hashable {
    case unsigned8, signed16, signed24, signed32, float32, float64

    var bytes: Int {
      switch self {
      case .unsigned8: 1
      case .signed16: 2
      case .signed24: 3
      case .signed32, .float32: 4
      case .float64: 8
      }
    }
  }

  var encoding: Encoding
  var channels: Int
  var sampleRate: Int
  /// Offset of the first sample byte.
  var dataOffset: Int64
  /// Bytes of sample data present (a truncated file: what is there).
  var dataLength: Int64
  /// Whether the data chunk is shorter than it says.
  var truncated: Bool

  /// Bytes per frame (one sample of every channel).
  var frameBytes: Int { encoding.bytes * channels }
  /// Whole frames present.
  var frames: Int64 { frameBytes > 0 ? dataLength / Int64(frameBytes) : 0 }
  /// Seconds of audio.
  var duration: Double { sampleRate > 0 ? Double(frames) / Double(sampleRate) : 0 }

  /// Reads the layout through `read(offset, count)`; throws a one-line reason.
  static func parse(size: Int64, read: (Int64, Int) -> [UInt8]) throws(PreviewError) -> WAVLayout {
    let riff = read(0, 12)
    guard riff.count == 12 else { throw .corrupt("truncated WAV: the file is shorter than its header") }
    guard riff.fourCC(0) == "RIFF" || riff.fourCC(0) == "RF64", riff.fourCC(8) == "WAVE" else {
      throw .corrupt("not a WAV file: no RIFF/WAVE header")
    }
    var format: [UInt8]?
    var data: (offset: Int64, length: Int64, truncated: Bool)?
    var position: Int64 = 12
    var chunks = 0
    while chunks < 10_000, position + 8 <= size, format == nil || data == nil {
      chunks += 1
      let header = read(position, 8)
      guard let name = header.fourCC(0), let declared = header.uint32LE(4) else { break }
      let start = position + 8
      let available = max(0, size - start)
      if name == "fmt " { format = read(start, Int(min(declared, 40))) }
      if name == "data" {
        let streamed = declared == 0xFFFF_FFFF
        let length = streamed ? available : min(Int64(declared), available)
        data = (start, length, !streamed && Int64(declared) > available)
      }
      position = start + Int64(declared) + Int64(declared & 1)
    }
    guard let format else { throw .corrupt("corrupt WAV: no fmt chunk") }
    guard let data else { throw .corrupt("corrupt WAV: no data chunk") }
    guard var tag = format.uint16LE(0), let channels = format.uint16LE(2), let rate = format.uint32LE(4),
      let bits = format.uint16LE(14)
    else { throw .corrupt("corrupt WAV: the fmt chunk is cut short") }
    guard channels > 0, channels <= 64, rate > 0 else {
      throw .corrupt("corrupt WAV: \(channels) channels at \(rate) Hz")
    }
    if tag == 0xFFFE, let subformat = format.uint16LE(24) { tag = subformat }
    let encoding: Encoding
    switch (tag, bits) {
    case (1, 8): encoding = .unsigned8
    case (1, 16): encoding = .signed16
    case (1, 24): encoding = .signed24
    case (1, 32): encoding = .signed32
    case (3, 32): encoding = .float32
    case (3, 64): encoding = .float64
    default: throw .corrupt("unsupported WAV encoding (format tag \(tag), \(bits) bits)")
    }
    return WAVLayout(
      encoding: encoding, channels: Int(channels), sampleRate: Int(rate), dataOffset: data.offset,
      dataLength: data.length, truncated: data.truncated)
  }

  /// Decodes sample `index` of `raw` (little-endian) to −1…1.
  @inline(__always)
  func sample(_ raw: UnsafeRawBufferPointer, _ index: Int) -> Float {
    let at = index * encoding.bytes
    switch encoding {
    case .unsigned8: return (Float(raw[at]) - 128) / 128
    case .signed16:
      return Float(Int16(bitPattern: UInt16(raw[at]) | UInt16(raw[at + 1]) << 8)) / 32_768
    case .signed24:
      let value = Int32(bitPattern: UInt32(raw[at]) << 8 | UInt32(raw[at + 1]) << 16 | UInt32(raw[at + 2]) << 24)
      return Float(value >> 8) / 8_388_608
    case .signed32:
      let value = UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
      return Float(Int32(bitPattern: value)) / 2_147_483_648
    case .float32:
      let value = UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
      let float = Float(bitPattern: value)
      return float.isFinite ? max(-1, min(1, float)) : 0
    case .float64:
      var value: UInt64 = 0
      for byte in 0..<8 { value |= UInt64(raw[at + byte]) << (8 * byte) }
      let double = Double(bitPattern: value)
      return double.isFinite ? Float(max(-1, min(1, double))) : 0
    }
  }
}
