/// Writes YAML scalars so that any text survives a strict YAML parser unchanged:
/// everything is a double-quoted string with JSON-compatible escapes.
enum YAMLText {
  /// `text` as a double-quoted YAML scalar (JSON-compatible escapes).
  static func quoted(_ text: String) -> String { QuotedString.literal(text) }

  /// A block sequence under `key`, or `key: []` when empty.
  static func list(_ key: String, _ values: [String]) -> String {
    values.isEmpty ? "\(key): []" : "\(key):\n" + values.map { "- \(quoted($0))" }.joined(separator: "\n")
  }
}
