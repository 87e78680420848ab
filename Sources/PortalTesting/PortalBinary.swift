import Foundation

/// The built `portal` executable, for end-to-end tests of the command line.
public enum PortalBinary {
  /// `$PORTAL_BIN`, else `portal` next to the test bundle in the build directory.
  public static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["PORTAL_BIN"], !explicit.isEmpty { return explicit }
    var candidates: [URL] = []
    let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent()
    candidates.append(bundleDir.appendingPathComponent("portal"))
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("portal"))
    for argument in CommandLine.arguments.prefix(2) {
      candidates.append(URL(fileURLWithPath: argument).deletingLastPathComponent().appendingPathComponent("portal"))
    }
    // Fall back to the package's debug build.
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(package.appendingPathComponent(".build/debug/portal"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
      ?? package.appendingPathComponent(".build/debug/portal").path
  }

  /// Runs `portal` with `arguments` against the catalog at `home`.
  @discardableResult
  public static func run(_ arguments: [String], home: String, extraEnvironment: [String: String] = [:]) throws
    -> Shell.Result
  {
    try Shell.run(path, arguments, environment: environment(home: home, extra: extraEnvironment))
  }

  /// The environment a test's `portal` runs in: the catalog at `home`, no colours.
  public static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["PORTAL_HOME"] = home
    environment["NO_COLOR"] = "1"
    for (key, value) in extra { environment[key] = value }
    return environment
  }
}
