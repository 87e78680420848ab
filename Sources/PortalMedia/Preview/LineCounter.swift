/// Counts line feeds in a text sample: exactly when it is small enough to read quickly,
/// else estimated from the average line length of its first bytes.
struct LineCounter {
  let file: SampleFile
  let encoding: TextEncodingGuess
  /// Samples up to this size are counted exactly (a pass over 16 MB takes milliseconds).
  static let exactLimit: Int64 = 16 << 20
  static let estimateSample = 256 << 10

  var isExact: Bool { file.size <= Self.exactLimit }

  /// Line feeds in `[from, to)`.
  func newlines(from: Int64, to: Int64) -> Int {
    let unit: Int64 = encoding.isASCIICompatible ? 1 : 2
    let bom = Int64(encoding.byteOrderMarkLength)
    var total = 0
    var position = from
    let chunk = 1 << 20
    while position < to {
      let bytes = file.bytes(at: position, count: Int(min(Int64(chunk), to - position)))
      if bytes.isEmpty { break }
      bytes.withUnsafeBufferPointer { raw in
        switch encoding {
        case .utf16LE, .utf16BE:
          let little = encoding == .utf16LE
          var index = Int((position - bom) % unit == 0 ? 0 : 1)
          while index + 1 < raw.count {
            if little ? (raw[index] == 0x0A && raw[index + 1] == 0) : (raw[index] == 0 && raw[index + 1] == 0x0A) {
              total += 1
            }
            index += 2
          }
        default:
          for byte in raw where byte == 0x0A { total += 1 }
        }
      }
      position += Int64(bytes.count)
    }
    return total
  }

  /// Average bytes per line in the first part of the sample (at least 1).
  func averageLineLength() -> Double {
    let sampled = min(file.size, Int64(Self.estimateSample))
    let lines = newlines(from: 0, to: sampled)
    return max(1, Double(sampled) / Double(max(1, lines)))
  }

  /// Lines in the sample (a last line without a line feed counts).
  func total() -> Count {
    if isExact {
      let count = newlines(from: 0, to: file.size)
      let last = file.bytes(at: file.size - 1, count: 1)
      return .exact(count + (file.size > 0 && last.first != 0x0A ? 1 : 0))
    }
    return .estimated(Int((Double(file.size) / averageLineLength()).rounded()))
  }

  /// The 1-based number of the line starting at `offset`.
  func line(at offset: Int64) -> Count {
    if isExact { return .exact(newlines(from: 0, to: offset) + 1) }
    return .estimated(Int(Double(offset) / averageLineLength()) + 1)
  }

  /// Where line `number` starts: found exactly in small samples, estimated in large ones.
  func offset(ofLine number: Int) -> Int64 {
    let bom = Int64(encoding.byteOrderMarkLength)
    guard number > 1 else { return bom }
    guard isExact else { return min(file.size, bom + Int64(Double(number - 1) * averageLineLength())) }
    let unit: Int64 = encoding.isASCIICompatible ? 1 : 2
    var seen = 0
    var position = bom
    let chunk = 1 << 20
    while position < file.size {
      let bytes = file.bytes(at: position, count: chunk)
      if bytes.isEmpty { break }
      var index = 0
      while index < bytes.count {
        let isFeed =
          switch encoding {
          case .utf16LE: index + 1 < bytes.count && bytes[index] == 0x0A && bytes[index + 1] == 0
          case .utf16BE: index + 1 < bytes.count && bytes[index] == 0 && bytes[index + 1] == 0x0A
          default: bytes[index] == 0x0A
          }
        if isFeed {
          seen += 1
          if seen == number - 1 { return position + Int64(index) + unit }
        }
        index += Int(unit)
      }
      position += Int64(bytes.count)
    }
    return file.size
  }
}
