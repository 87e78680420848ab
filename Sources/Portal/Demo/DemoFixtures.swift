import Foundation

/// Finds the committed demo fixtures: next to the installed binary (SwiftPM copies
/// them into `partner-portal_Portal.resources`), or in the source tree.
public enum DemoFixtures {
  /// The fixtures directory, or nil when neither place has it.
  public static func directory() -> URL? {
    var candidates: [URL] = []
    let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
    let binDir = executable.deletingLastPathComponent()
    candidates.append(binDir.appendingPathComponent("partner-portal_Portal.resources/Fixtures"))
    candidates.append(binDir.appendingPathComponent("../share/partner-portal/Fixtures"))
    // Test bundles run from the build directory too.
    candidates.append(
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(
        "partner-portal_Portal.resources/Fixtures"))
    // The source tree, for `swift run` from elsewhere.
    candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures"))
    return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("manifest.json").path) }
  }
}
