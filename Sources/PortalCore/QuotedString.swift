/// A double-quoted string literal that both JSON and strict YAML parsers read back as
/// exactly `text`: quotes, backslashes and the usual controls escaped, and every other
/// control character (C0, DEL, C1), the line and paragraph separators and the BOM as
/// `\uXXXX`. Hand-written because it is on hot paths (a job's audit fields) where
/// `JSONSerialization` cost a fifth of a short job's CPU time.
public enum QuotedString {
  /// `text` as a double-quoted JSON (and YAML) string.
  public static func literal(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028
          || scalar.value == 0x2029 || scalar.value == 0xFEFF
        {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
