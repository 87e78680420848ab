import Foundation

/// Finds theme files: the user's config dir first, then beside the installed binary,
/// then the source tree — so a user's `solarized-dark.toml` overrides the shipped one.
public struct ThemeLibrary: Sendable {
  /// Directories searched, in order.
  public var directories: [URL]

  /// A library over explicit directories (tests).
  public init(directories: [URL]) { self.directories = directories }

  /// The standard search path for this process and environment.
  public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ThemeLibrary {
    var directories = [UserConfig.directory(environment: environment).appendingPathComponent("themes")]
    if let binary = executableURL() {
      directories.append(
        binary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
          "share/partner-portal/themes"))
    }
    // Sources/PortalTUI/Theme/ThemeLibrary.swift → the repository's themes/.
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")
    directories.append(source)
    return ThemeLibrary(directories: directories)
  }

  /// Theme names available, sorted, each once (the first directory holding it wins).
  public func names() -> [String] {
    Array(Set(entries().map(\.name))).sorted()
  }

  /// Every theme file found, in search order (shadowed ones included, for `themes list`).
  public func entries() -> [(name: String, url: URL)] {
    var found: [(String, URL)] = []
    for directory in directories {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for file in files.sorted() where file.hasSuffix(".toml") {
        found.append((String(file.dropLast(5)), directory.appendingPathComponent(file)))
      }
    }
    return found
  }

  /// The file a theme name resolves to.
  public func url(of name: String) -> URL? {
    entries().first { $0.name == name }?.url
  }

  /// Loads theme `name`; on any problem the built-in default comes back with the reasons.
  public func load(_ name: String) -> (theme: Theme, warnings: [String]) {
    guard !name.contains("/"), let url = url(of: name) else {
      let known = names().joined(separator: ", ")
      return (Theme.builtin, ["no theme named '\(name)' (available: \(known)); using the default theme"])
    }
    return Self.load(file: url, name: name)
  }

  /// Loads a theme file; on any problem the built-in default comes back with the reasons.
  public static func load(file url: URL, name: String? = nil) -> (theme: Theme, warnings: [String]) {
    let label = url.path
    guard let data = FileManager.default.contents(atPath: url.path) else {
      return (Theme.builtin, ["\(label): cannot read the theme file; using the default theme"])
    }
    let text = String(decoding: data, as: UTF8.self)
    let outcome = ThemeParser.parse(
      text, name: name ?? url.deletingPathExtension().lastPathComponent, file: label)
    guard let theme = outcome.theme else {
      return (Theme.builtin, outcome.diagnostics.map(\.description) + ["using the default theme"])
    }
    return (theme, [])
  }

  private static func executableURL() -> URL? {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return URL(fileURLWithPath: path)
    }
    return Bundle.main.executableURL
  }
}
