/// Something the walker or the analyzer could not use, with a reason a user can act on.
public struct FileProblem: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The absolute path concerned (a file, a directory or a symbolic link).
  public var path: String
  /// What went wrong and, where there is one, what to do about it.
  public var reason: String

  /// Creates a problem report.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// `path: reason`, for logs and the command line.
  public var description: String { "\(path): \(reason)" }
}
