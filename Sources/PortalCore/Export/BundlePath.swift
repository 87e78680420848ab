import Foundation

/// Turns names from the catalog (file paths below an import root, dataset slugs) into
/// safe relative paths inside a bundle: no absolute paths, no `.` or `..`, no
/// control, glob or separator characters in a component, components of at most 200
/// bytes — so a name can never point outside the bundle or match more than itself.
public enum BundlePath {
  /// The sanitised components of `path` (split on `/`), never empty.
  public static func components(_ path: String) -> [String] {
    let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
      .filter { $0 != "." && $0 != ".." }
      .map(component)
    return parts.isEmpty ? ["unnamed"] : parts
  }

  /// `path` sanitised and joined with `/`.
  public static func relative(_ path: String) -> String { components(path).joined(separator: "/") }

  /// One component made safe: forbidden characters become `_`, leading dots are
  /// dropped (no hidden files, no `..`), and over-long names are cut.
  public static func component(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      let value = scalar.value
      let forbidden =
        value < 0x20 || (0x7F...0x9F).contains(value) || "/\\*?[]{}!\"'`$|<>:;".unicodeScalars.contains(scalar)
        || scalar.properties.isBidiControl || value == 0xFEFF
      if forbidden { out += "_" } else { out.unicodeScalars.append(scalar) }
    }
    while out.hasPrefix(".") { out.removeFirst() }
    out = out.trimmingCharacters(in: .whitespaces)
    if out.isEmpty { out = "unnamed" }
    if out.utf8.count > 200 {
      var cut = ""
      for character in out where cut.utf8.count + character.utf8.count <= 200 { cut.append(character) }
      out = cut
    }
    return out
  }

  /// `path` with its last extension replaced by `newExtension` ("a/b.csv" → "a/b.jsonl").
  public static func replacingExtension(of path: String, with newExtension: String) -> String {
    var parts = components(path)
    let last = parts.removeLast()
    let stem = last.lastIndex(of: ".").map { String(last[..<$0]) } ?? last
    parts.append((stem.isEmpty ? last : stem) + "." + newExtension)
    return parts.joined(separator: "/")
  }
}
