#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the human text of a JSONL record with a byte scan instead of a JSON parser:
/// the top-level string field named `text`, `content`, `body` or `transcript` (in that
/// order of preference). Nesting is skipped with a depth counter, never recursion, so a
/// deeply nested line cannot exhaust the stack.
enum JSONTextField {
  private static let names: [[UInt8]] = ["text", "content", "body", "transcript"].map { Array($0.utf8) }
  private static let quote = UInt8(ascii: "\"")
  private static let backslash = UInt8(ascii: "\\")

  /// The raw (still escaped) contents of the preferred field's string value, or nil if
  /// `line` is not an object with such a field. A value cut by the end of `line` (a
  /// record longer than the scanned prefix) is returned up to the cut.
  static func find(in line: UnsafeRawBufferPointer) -> Range<Int>? {
    var index = skipSpace(line, 0)
    guard index < line.count, line[index] == UInt8(ascii: "{") else { return nil }
    index += 1
    var best: (rank: Int, range: Range<Int>)?
    while true {
      index = skipSpace(line, index)
      guard index < line.count, line[index] == quote else { return best?.range }
      let keyStart = index + 1
      guard let keyEnd = stringEnd(line, from: keyStart) else { return best?.range }
      index = skipSpace(line, keyEnd + 1)
      guard index < line.count, line[index] == UInt8(ascii: ":") else { return best?.range }
      index = skipSpace(line, index + 1)
      guard index < line.count else { return best?.range }
      let rank = rank(UnsafeRawBufferPointer(rebasing: line[keyStart..<keyEnd]))
      if let rank, line[index] == quote {
        let valueEnd = stringEnd(line, from: index + 1)
        let range = (index + 1)..<(valueEnd ?? line.count)
        if rank == 0 || valueEnd == nil { return best.map { $0.rank < rank ? $0.range : range } ?? range }
        if best.map({ rank < $0.rank }) ?? true { best = (rank, range) }
        index = range.upperBound + 1
      } else {
        guard let next = skipValue(line, index) else { return best?.range }
        index = next
      }
      index = skipSpace(line, index)
      guard index < line.count, line[index] == UInt8(ascii: ",") else { return best?.range }
      index += 1
    }
  }

  /// Decodes the JSON string escapes of `raw` into UTF-8 in `output`, stopping when
  /// fewer than 4 bytes of room remain; returns the bytes written. Bad escapes and lone
  /// surrogates become U+FFFD. Writes through a pointer: this runs once per record.
  static func unescape(_ raw: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var index = 0
    var length = 0
    let stop = output.count - 4
    while index < raw.count && length < stop {
      let byte = raw[index]
      guard byte == backslash, index + 1 < raw.count else {
        output[length] = byte
        length += 1
        index += 1
        continue
      }
      let escape = raw[index + 1]
      index += 2
      var value: UInt32
      switch escape {
      case UInt8(ascii: "n"): value = 0x0A
      case UInt8(ascii: "t"): value = 0x09
      case UInt8(ascii: "r"): value = 0x0D
      case UInt8(ascii: "b"): value = 0x08
      case UInt8(ascii: "f"): value = 0x0C
      case UInt8(ascii: "u"):
        guard let unit = hex4(raw, index) else {
          value = TextDecoding.replacement
          break
        }
        value = unit
        index += 4
        if unit >= 0xD800 && unit <= 0xDBFF, index + 1 < raw.count, raw[index] == backslash,
          raw[index + 1] == UInt8(ascii: "u"), let low = hex4(raw, index + 2), low >= 0xDC00 && low <= 0xDFFF
        {
          value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
          index += 6
        }
      default: value = UInt32(escape)
      }
      length += UnicodeClass.writeUTF8(value, to: output, at: length)
    }
    return length
  }

  // MARK: - Scanning

  private static func rank(_ key: UnsafeRawBufferPointer) -> Int? {
    names.firstIndex { $0.elementsEqual(key) }
  }

  private static func skipSpace(_ line: UnsafeRawBufferPointer, _ start: Int) -> Int {
    var index = start
    while index < line.count, TextFormatSniffer.isSpace(line[index]) { index += 1 }
    return index
  }

  /// Index of the closing quote of a string whose contents start at `start`, or nil if
  /// the line ends first. Jumps from quote to quote with `memchr`; a quote is escaped
  /// when an odd run of backslashes precedes it.
  private static func stringEnd(_ line: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard let base = line.baseAddress else { return nil }
    var index = start
    while index < line.count {
      guard let found = memchr(base + index, Int32(quote), line.count - index) else { return nil }
      let position = UnsafeRawPointer(found) - base
      var backslashes = 0
      while position - backslashes - 1 >= start && line[position - backslashes - 1] == backslash { backslashes += 1 }
      if backslashes % 2 == 0 { return position }
      index = position + 1
    }
    return nil
  }

  /// Index just past the value starting at `start`, or nil if the line ends first.
  private static func skipValue(_ line: UnsafeRawBufferPointer, _ start: Int) -> Int? {
    let first = line[start]
    if first == quote { return stringEnd(line, from: start + 1).map { $0 + 1 } }
    guard first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
      var index = start
      while index < line.count {
        switch line[index] {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0D, 0x0A: return index
        default: index += 1
        }
      }
      return nil
    }
    var depth = 0
    var index = start
    while index < line.count {
      switch line[index] {
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return index + 1 }
      case quote:
        guard let end = stringEnd(line, from: index + 1) else { return nil }
        index = end
      default: break
      }
      index += 1
    }
    return nil
  }

  private static func hex4(_ raw: UnsafeRawBufferPointer, _ start: Int) -> UInt32? {
    guard start + 4 <= raw.count else { return nil }
    var value: UInt32 = 0
    for index in start..<(start + 4) {
      let byte = raw[index]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }
}
