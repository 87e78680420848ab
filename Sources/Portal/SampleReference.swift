/// Which sample of a dataset version a command means: its number (0-based, as
/// `portal samples` lists them) or its file's relative path (optionally `path@offset`
/// for one record of a JSONL or CSV file).
public enum SampleReference: Sendable, Hashable, CustomStringConvertible {
  /// The sample's number in the version.
  case ordinal(Int)
  /// The first sample of the file at this relative path, or the record at `offset`.
  case path(String, offset: Int64?)

  /// Reads a command-line argument: digits are a number, anything else a path.
  public init(parsing text: String) {
    if let number = Int(text), number >= 0 {
      self = .ordinal(number)
      return
    }
    if let at = text.lastIndex(of: "@"), let offset = Int64(text[text.index(after: at)...]), offset >= 0 {
      self = .path(String(text[..<at]), offset: offset)
      return
    }
    self = .path(text, offset: nil)
  }

  /// As the user wrote it.
  public var description: String {
    switch self {
    case .ordinal(let number): String(number)
    case .path(let path, let offset): offset.map { "\(path)@\($0)" } ?? path
    }
  }
}
