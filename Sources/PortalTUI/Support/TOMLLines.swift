import Foundation

/// Finds the line of a key in TOML text, so semantic errors (unknown key, bad colour) can
/// be reported as precisely as TOMLKit reports syntax errors — TOMLKit gives values no
/// source positions.
struct TOMLLines {
  private let lines: [Substring]

  init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

  /// The 1-based line where `key` is assigned inside table `table` (nil for the top
  /// level), or where `[table.key]` opens; nil when not found.
  func line(ofKey key: String, inTable table: String?) -> Int? {
    var current: String?
    for (index, raw) in lines.enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("[") {
        let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")).replacingOccurrences(
          of: "\"", with: "")
        if let table, name == "\(table).\(key)" { return index + 1 }
        current = name
        continue
      }
      guard current == table else { continue }
      let bare = line.replacingOccurrences(of: "\"", with: "")
      if bare.hasPrefix(key), bare.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") {
        return index + 1
      }
    }
    return nil
  }
}
