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

  /// Fewest line feeds the stretches read must hold for an average to mean anything.
  static let minimumLinesForEstimate = 16

  /// What three stretches of the sample (start, middle, end) hold: bytes read, line
  /// feeds seen, and the average line length when they saw enough line feeds to say.
  func lineSurvey() -> (bytes: Int64, lines: Int, average: Double?) {
    let stretch = Int64(Self.estimateSample)
    let unit: Int64 = encoding.isASCIICompatible ? 1 : 2
    var starts: [Int64] = [0]
    if file.size > 3 * stretch {
      // Aligned to the code unit so UTF-16 pairs are read whole.
      starts += [(file.size / 2) / unit * unit, (file.size - stretch) / unit * unit]
    }
    var bytes: Int64 = 0
    var lines = 0
    for start in starts {
      let end = min(file.size, start + stretch)
      lines += newlines(from: start, to: end)
      bytes += end - start
    }
    let average = lines >= Self.minimumLinesForEstimate ? max(1, Double(bytes) / Double(lines)) : nil
    return (bytes, lines, average)
  }

  /// Average bytes per line, from line feeds actually seen; nil when too few were seen.
  func averageLineLength() -> Double? { lineSurvey().average }

  /// Whether the sample ends with a line feed (in its encoding).
  private var endsWithLineFeed: Bool {
    switch encoding {
    case .utf16LE: file.size >= 2 && file.bytes(at: file.size - 2, count: 2) == [0x0A, 0x00]
    case .utf16BE: file.size >= 2 && file.bytes(at: file.size - 2, count: 2) == [0x00, 0x0A]
    default: file.bytes(at: file.size - 1, count: 1).first == 0x0A
    }
  }

  /// Lines in the sample (a last line without a line feed counts).
  func total() -> Count {
    if isExact {
      let count = newlines(from: 0, to: file.size)
      let textBytes = file.size - Int64(encoding.byteOrderMarkLength)
      return .exact(count + (textBytes > 0 && !endsWithLineFeed ? 1 : 0))
    }
    let survey = lineSurvey()
    // Too few line feeds to average (one 100 MB line): say what is certain, not a guess.
    guard let average = survey.average else { return .atLeast(max(1, survey.lines + (endsWithLineFeed ? 0 : 1))) }
    return .estimated(max(1, Int((Double(file.size) / average).rounded())))
  }

  /// The 1-based number of the line starting at `offset`.
  func line(at offset: Int64) -> Count {
    if isExact { return .exact(newlines(from: 0, to: offset) + 1) }
    guard let average = averageLineLength() else {
      // No line feed in the stretches read: count the ones before `offset` if that is cheap.
      return offset <= Int64(Self.estimateSample) ? .exact(newlines(from: 0, to: offset) + 1) : .atLeast(1)
    }
    return .estimated(Int(Double(offset) / average) + 1)
  }

  /// Where line `number` starts: found exactly in small samples, estimated in large ones.
  func offset(ofLine number: Int) -> Int64 {
    let bom = Int64(encoding.byteOrderMarkLength)
    guard number > 1 else { return bom }
    guard isExact else {
      guard let average = averageLineLength() else { return bom }
      return min(file.size, bom + Int64(Double(number - 1) * average))
    }
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
