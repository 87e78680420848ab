/// Makes dataset text safe to put in a terminal cell or on stdout: everything that could
/// act on the terminal or deceive the reader becomes a visible escape.
///
/// - ESC → `␛`, other C0 controls → Control Pictures (`␇`, `␀`), DEL → `␡`;
/// - C1 controls (U+0080–U+009F) → `<U+009B>`;
/// - bidi overrides, embeddings, isolates and marks, zero-width and invisible
///   formatting characters → `<U+202E>`;
/// - whole ESC/C1 sequences (CSI, OSC — titles, OSC 52 clipboard, OSC 8 links —, DCS,
///   SOS, PM, APC) are rendered visibly and reported as one escape range, so a UI can dim
///   them.
///
/// Every function is pure: call it from any thread.
public enum TerminalSanitizer {
  /// Longest escape sequence marked as one range; a longer "string" sequence (an OSC
  /// without terminator) ends its range there, and the rest is ordinary text.
  static let maxSequenceLength = 512

  /// Sanitises `text`; with `keepNewlinesAndTabs`, `\n` and `\t` pass through (for
  /// multi-line panes) and CRLF becomes `\n`.
  public static func sanitize(_ text: String, keepNewlinesAndTabs: Bool = false) -> SanitizedText {
    if !text.unicodeScalars.contains(where: { needsEscape($0.value, keepNewlinesAndTabs) }) {
      return SanitizedText(text: text, escapeRanges: [])
    }
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var ranges: [Range<Int>] = []
    var utf8Count = 0
    func append(_ scalar: Unicode.Scalar) {
      output.append(scalar)
      utf8Count += UTF8.width(scalar)
    }
    func appendVisible(_ value: UInt32) {
      for scalar in visible(value).unicodeScalars { append(scalar) }
    }
    var index = 0
    while index < scalars.count {
      let value = scalars[index].value
      guard needsEscape(value, keepNewlinesAndTabs) else {
        append(scalars[index])
        index += 1
        continue
      }
      // CRLF in multi-line text is a line break, not a control to show.
      if value == 0x0D && keepNewlinesAndTabs && index + 1 < scalars.count && scalars[index + 1] == "\n" {
        index += 1
        continue
      }
      let end = sequenceEnd(scalars, at: index)
      let start = utf8Count
      for position in index..<end {
        let inner = scalars[position].value
        if needsEscape(inner, false) { appendVisible(inner) } else { append(scalars[position]) }
      }
      ranges.append(start..<utf8Count)
      index = end
    }
    let result = String(output)
    let utf8 = result.utf8
    let indexRanges = ranges.map { range in
      utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)
    }
    return SanitizedText(text: result, escapeRanges: indexRanges)
  }

  /// Sanitises raw bytes read as UTF-8: invalid sequences and encoded surrogates become U+FFFD.
  public static func sanitize(bytes: [UInt8], keepNewlinesAndTabs: Bool = false) -> SanitizedText {
    sanitize(String(decoding: bytes, as: UTF8.self), keepNewlinesAndTabs: keepNewlinesAndTabs)
  }

  /// The sanitised text on one line (newlines and tabs escaped too).
  public static func line(_ text: String) -> String { sanitize(text).text }

  /// The sanitised text keeping its line breaks and tabs.
  public static func multiline(_ text: String) -> String { sanitize(text, keepNewlinesAndTabs: true).text }

  // MARK: - Classification

  @inline(__always)
  static func needsEscape(_ value: UInt32, _ keepNewlinesAndTabs: Bool) -> Bool {
    if value >= 0x20 && value < 0x7F { return false }
    if keepNewlinesAndTabs && (value == 0x0A || value == 0x09) { return false }
    return UnicodeClass.isControl(value) || UnicodeClass.isBidiControl(value) || UnicodeClass.isInvisibleFormat(value)
  }

  /// How one escaped scalar is shown.
  static func visible(_ value: UInt32) -> String {
    switch value {
    case 0x1B: "\u{241B}"
    case 0..<0x20: String(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
    case 0x7F: "\u{2421}"
    default: "<U+" + hex4(value) + ">"
    }
  }

  private static func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  // MARK: - Sequences

  /// The end (exclusive) of the escape starting at `start`: a whole ESC or C1 sequence,
  /// or just the one scalar.
  static func sequenceEnd(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
    let first = scalars[start].value
    var kind: UInt32
    var index = start + 1
    if first == 0x1B {
      guard index < scalars.count else { return index }
      kind = scalars[index].value
      index += 1
    } else {
      // C1 introducers are the 8-bit forms of ESC + 0x40…0x5F.
      guard [0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F].contains(first) else {
        // Any other control or invisible character is escaped on its own.
        return start + 1
      }
      kind = first - 0x40
    }
    let limit = min(scalars.count, start + maxSequenceLength)
    switch kind {
    case 0x5B:  // CSI: parameters and intermediates, then one final byte.
      while index < limit, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
      if index < limit, (0x40...0x7E).contains(scalars[index].value) { index += 1 }
      return index
    case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // OSC, DCS, SOS, PM, APC: a string up to ST or BEL.
      while index < limit {
        let value = scalars[index].value
        if value == 0x07 || value == 0x9C { return index + 1 }
        if value == 0x1B {
          return index + 1 < scalars.count && scalars[index + 1] == "\\" ? index + 2 : index
        }
        index += 1
      }
      return index
    case 0x20...0x2F:  // nF: intermediates, then a final byte.
      while index < limit, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
      if index < limit, (0x30...0x7E).contains(scalars[index].value) { index += 1 }
      return index
    case 0x30...0x7E:  // A two-character escape (ESC c, ESC 7).
      return first == 0x1B ? index : start + 1
    default:
      return first == 0x1B ? index - 1 : start + 1
    }
  }
}
