/// Pretty-prints one JSON value (a JSONL record) into lines of tokens, jq style, folding
/// what would drown the pane: long strings, huge arrays and objects, deep nesting. It is
/// tolerant: at the first error it stops, reports where, and shows the rest raw.
struct JSONPrettyPrinter {
  static let maxDepth = 48
  static let maxStringBytes = 2_000
  static let maxMembers = 400
  static let maxLines = 4_000
  static let rawTail = 2_000

  private let bytes: [UInt8]
  private var index = 0
  private var lines: [JSONLine] = []
  private var current: [JSONToken] = []
  private var currentDepth = 0

  private struct Failure: Error {
    var message: String
    var offset: Int
  }

  private struct Full: Error {}

  init(bytes: [UInt8]) { self.bytes = bytes }

  /// The lines, and the problem if the bytes are not one valid JSON value.
  static func print(_ bytes: [UInt8]) -> (lines: [JSONLine], problem: String?) {
    var printer = JSONPrettyPrinter(bytes: bytes)
    return printer.run()
  }

  private mutating func run() -> (lines: [JSONLine], problem: String?) {
    do {
      skipSpace()
      guard index < bytes.count else { throw Failure(message: "the record is empty", offset: 0) }
      try value(depth: 0)
      skipSpace()
      if index < bytes.count { throw Failure(message: "unexpected text after the value", offset: index) }
      flush()
      return (lines, nil)
    } catch let failure as Failure {
      flush()
      let tail = bytes[failure.offset..<min(bytes.count, failure.offset + Self.rawTail)]
      if !tail.isEmpty {
        lines.append(JSONLine(depth: 0, tokens: [JSONToken(.raw, String(decoding: tail, as: UTF8.self))]))
      }
      return (lines, "not valid JSON at byte \(failure.offset): \(failure.message)")
    } catch {
      flush()
      let more = bytes.count - index
      lines.append(JSONLine(depth: 0, tokens: [JSONToken(.fold, "… \(more) more bytes not shown")]))
      return (lines, nil)
    }
  }

  // MARK: - Output

  private mutating func emit(_ kind: JSONToken.Kind, _ text: String) { current.append(JSONToken(kind, text)) }

  private mutating func flush() {
    guard !current.isEmpty else { return }
    lines.append(JSONLine(depth: currentDepth, tokens: current))
    current = []
  }

  private mutating func newLine(depth: Int) throws {
    flush()
    currentDepth = depth
    if lines.count >= Self.maxLines { throw Full() }
  }

  // MARK: - Parsing

  private mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  private mutating func value(depth: Int) throws {
    skipSpace()
    guard index < bytes.count else { throw Failure(message: "the record ends inside a value", offset: index) }
    switch bytes[index] {
    case UInt8(ascii: "{"), UInt8(ascii: "["):
      if depth >= Self.maxDepth {
        let start = index
        try skipContainer()
        emit(.fold, bytes[start] == UInt8(ascii: "{") ? "{…}" : "[…]")
        emit(.fold, " (nested deeper than \(Self.maxDepth) levels)")
        return
      }
      try container(depth: depth)
    case UInt8(ascii: "\""): try string(as: .string)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      let start = index
      while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
      emit(.number, String(decoding: bytes[start..<index], as: UTF8.self))
    default:
      for literal in ["true", "false", "null"] where bytes[index...].starts(with: literal.utf8) {
        index += literal.utf8.count
        emit(.literal, literal)
        return
      }
      throw Failure(message: "expected a value", offset: index)
    }
  }

  static func isNumberByte(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65 || byte == 0x45
  }

  private mutating func container(depth: Int) throws {
    let isObject = bytes[index] == UInt8(ascii: "{")
    let close = UInt8(ascii: isObject ? "}" : "]")
    index += 1
    emit(.punctuation, isObject ? "{" : "[")
    skipSpace()
    if index < bytes.count && bytes[index] == close {
      index += 1
      emit(.punctuation, isObject ? "}" : "]")
      return
    }
    var members = 0
    while true {
      try newLine(depth: depth + 1)
      if members == Self.maxMembers {
        let start = index
        try skipMembers(until: close)
        emit(.fold, "… more \(isObject ? "members" : "items") (\(index - start) bytes) not shown")
        break
      }
      skipSpace()
      if isObject {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
          throw Failure(message: "expected a key in quotes", offset: index)
        }
        try string(as: .key)
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
          throw Failure(message: "expected ':' after the key", offset: index)
        }
        index += 1
        emit(.punctuation, ": ")
      }
      try value(depth: depth + 1)
      members += 1
      skipSpace()
      guard index < bytes.count else { throw Failure(message: "the record ends inside a value", offset: index) }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        emit(.punctuation, ",")
        continue
      }
      if bytes[index] == close {
        index += 1
        break
      }
      throw Failure(message: "expected ',' or '\(Character(Unicode.Scalar(close)))'", offset: index)
    }
    try newLine(depth: depth)
    emit(.punctuation, isObject ? "}" : "]")
  }

  /// A string token with its quotes, folded past `maxStringBytes` (at a UTF-8 boundary).
  private mutating func string(as kind: JSONToken.Kind) throws {
    let start = index
    index += 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if byte == UInt8(ascii: "\"") { break }
      index += 1
    }
    guard index < bytes.count else { throw Failure(message: "a string is not closed", offset: start) }
    index += 1
    let length = index - start
    if length <= Self.maxStringBytes {
      emit(kind, String(decoding: bytes[start..<index], as: UTF8.self))
      return
    }
    var cut = start + Self.maxStringBytes
    while cut > start && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
    emit(kind, String(decoding: bytes[start..<cut], as: UTF8.self) + "\"")
    emit(.fold, " … \(index - cut - 1) more bytes")
  }

  /// Skips a whole container (deep nesting), counting brackets outside strings.
  private mutating func skipContainer() throws {
    var depth = 0
    var inString = false
    let start = index
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if inString {
        if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inString = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 { return }
      default: break
      }
    }
    throw Failure(message: "the record ends inside a nested value", offset: start)
  }

  /// Skips the remaining members of a container up to and including `close`.
  private mutating func skipMembers(until close: UInt8) throws {
    while index < bytes.count {
      skipSpace()
      guard index < bytes.count else { break }
      let byte = bytes[index]
      if byte == close {
        index += 1
        return
      }
      if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        try skipContainer()
      } else if byte == UInt8(ascii: "\"") {
        let saved = current
        try string(as: .string)
        current = saved
      } else {
        index += 1
      }
    }
    throw Failure(message: "the record ends inside a value", offset: index)
  }
}
