import Foundation

/// Completes directory names in a path field, shell-style.
enum PathCompletion {
  /// The completed text and the candidates when several directories match.
  static func complete(_ text: String, home: String = NSHomeDirectory()) -> (text: String, candidates: [String]) {
    let expanded = text.hasPrefix("~") ? home + text.dropFirst() : text
    let parent: String
    let prefix: String
    if expanded.isEmpty || expanded.hasSuffix("/") {
      parent = expanded.isEmpty ? "." : expanded
      prefix = ""
    } else {
      let url = URL(fileURLWithPath: expanded)
      parent = expanded.contains("/") ? url.deletingLastPathComponent().path : "."
      prefix = url.lastPathComponent
    }
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    let matches = entries.filter { name in
      guard name.hasPrefix(prefix), !name.hasPrefix(".") || prefix.hasPrefix(".") else { return false }
      var isDirectory: ObjCBool = false
      let path = (parent as NSString).appendingPathComponent(name)
      return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }.sorted()
    guard !matches.isEmpty else { return (text, []) }
    let base = String(text.dropLast(prefix.count))
    if matches.count == 1 { return (base + matches[0] + "/", []) }
    var common = matches[0]
    for match in matches.dropFirst() {
      while !match.hasPrefix(common) { common.removeLast() }
    }
    return (base + common, matches)
  }
}
