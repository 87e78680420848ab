/// Why a preview could not be built; the description is the one line the pane shows.
public enum PreviewError: Error, CustomStringConvertible, Sendable {
  /// The file cannot be opened or read.
  case unreadable(String)
  /// The content is corrupt or not what its type says.
  case corrupt(String)
  /// Decoding would need more memory than allowed (a decompression bomb, or just huge).
  case tooLarge(String)
  /// A helper program is not installed; `package` is the Debian package providing it.
  case missingTool(tool: String, package: String)
  /// A helper program failed or ran out of time.
  case toolFailed(String)

  /// One line for the pane.
  public var description: String {
    switch self {
    case .unreadable(let text), .corrupt(let text), .tooLarge(let text), .toolFailed(let text): text
    case .missingTool(let tool, let package):
      "\(tool) is not installed: install the Debian package \(package) (sudo apt-get install \(package))"
    }
  }
}
