/// Writes YAML scalars so that any text survives a strict YAML parser unchanged:
/// everything is a double-quoted string with JSON-compatible escapes.
enum YAMLText {
  /// `text` as a double-quoted YAML scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        // C0/C1 controls, DEL and the line/paragraph separators must be escaped in YAML.
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

  /// A block sequence under `key`, or `key: []` when empty.
  static func list(_ key: String, _ values: [String]) -> String {
    values.isEmpty ? "\(key): []" : "\(key):\n" + values.map { "- \(quoted($0))" }.joined(separator: "\n")
  }
}
