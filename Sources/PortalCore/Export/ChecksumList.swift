/// The text of a `SHA256SUMS` file in the format `sha256sum -c` reads: one line per
/// file, the hex digest, two spaces (text mode marker: none), the relative path.
public enum ChecksumList {
  /// The lines for `entries` (path, hex SHA-256), sorted by path. Paths must already
  /// be sanitised bundle paths (they contain no newline or backslash).
  public static func text(_ entries: [(path: String, sha256: String)]) -> String {
    entries.sorted { $0.path < $1.path }.map { "\($0.sha256)  \($0.path)\n" }.joined()
  }
}
