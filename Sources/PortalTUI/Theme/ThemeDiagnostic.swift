/// A problem found in a theme or config file, with where it is.
public struct ThemeDiagnostic: Sendable, Equatable, CustomStringConvertible {
  /// The file, as given to the loader.
  public var file: String
  /// 1-based line, when known.
  public var line: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// What is wrong and how to fix it.
  public var message: String

  /// Creates a diagnostic.
  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: message`, the format editors jump to.
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let line, let column, line > 0 { place += ":\(column)" }
    return "\(place): \(message)"
  }
}
