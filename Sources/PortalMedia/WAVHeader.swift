/// Duration and format of a RIFF/WAVE file: walks the chunks (word-aligned: odd sizes
/// are padded) to `fmt ` and `data` without reading the samples.
enum WAVHeader {
  /// Chunks walked before giving up (a file of empty chunks is not worth more).
  private static let maxChunks = 10_000

  static func read(_ source: some ByteSource) -> MediaFacts {
    guard source.size >= 12 else { return .problem("truncated WAV header") }
    var format: [UInt8]?
    var dataBytes: Int64?
    var problems: [String] = []
    var position: Int64 = 12
    var chunks = 0
    while chunks < maxChunks && position + 8 <= source.size && (format == nil || dataBytes == nil) {
      chunks += 1
      let header = source.bytes(at: position, count: 8)
      guard let name = header.fourCC(0), let declared = header.uint32LE(4) else { break }
      let contentStart = position + 8
      let available = source.size - contentStart
      switch name {
      case "fmt ": format = source.bytes(at: contentStart, count: Int(min(declared, 40)))
      case "data":
        if declared == 0xFFFF_FFFF {
          problems.append("WAV data size not set (streamed recording): duration computed from the bytes present")
          dataBytes = available
        } else if Int64(declared) > available {
          problems.append("truncated WAV data chunk: duration computed from the bytes present")
          dataBytes = available
        } else {
          dataBytes = Int64(declared)
        }
      default: break
      }
      position = contentStart + Int64(declared) + Int64(declared & 1)
    }
    guard let format else { return .problem("corrupt WAV header: no fmt chunk") }
    var facts = parse(format: format)
    facts.problems = problems + facts.problems
    guard let dataBytes else {
      facts.problems.append("corrupt WAV header: no data chunk")
      return facts
    }
    facts.durationMillis = duration(bytes: dataBytes, format: format)
    return facts
  }

  /// Channels, rate and bits from `fmt `; PCM (8/16/24/32 bit), IEEE float (32/64) and
  /// WAVE_FORMAT_EXTENSIBLE (its sub-format decides).
  private static func parse(format: [UInt8]) -> MediaFacts {
    guard var tag = format.uint16LE(0), let channels = format.uint16LE(2), let rate = format.uint32LE(4),
      let bits = format.uint16LE(14)
    else { return .problem("truncated WAV format chunk") }
    guard channels > 0, rate > 0 else { return .problem("corrupt WAV format chunk: zero channels or sample rate") }
    var facts = MediaFacts()
    facts.channels = Int(channels)
    facts.sampleRate = Int(rate)
    facts.bitsPerSample = Int(bits)
    if tag == 0xFFFE {
      guard let subformat = format.uint16LE(24) else {
        facts.problems.append("truncated WAV extensible format chunk")
        return facts
      }
      tag = subformat
    }
    let supported = (tag == 1 && [8, 16, 24, 32].contains(bits)) || (tag == 3 && [32, 64].contains(bits))
    if !supported {
      facts.problems.append(
        "unsupported WAV encoding (format tag \(tag), \(bits) bits): duration taken from the byte rate")
    }
    return facts
  }

  /// Whole frames present × 1000 / rate; for other encodings, bytes / byte rate.
  private static func duration(bytes: Int64, format: [UInt8]) -> Int64? {
    guard let channels = format.uint16LE(2), let rate = format.uint32LE(4), rate > 0,
      let byteRate = format.uint32LE(8), let blockAlign = format.uint16LE(12), let bits = format.uint16LE(14)
    else { return nil }
    let frameSize = blockAlign > 0 ? Int64(blockAlign) : Int64(channels) * Int64((bits + 7) / 8)
    if frameSize > 0 {
      return bytes / frameSize * 1000 / Int64(rate)
    }
    return byteRate > 0 ? bytes * 1000 / Int64(byteRate) : nil
  }
}
