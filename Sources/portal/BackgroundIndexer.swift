import Foundation
import Portal

/// Starts `portal content-index --quiet` as a detached process (in its own session
/// through util-linux `setsid`, input and output on /dev/null), so the index of sample
/// text is built after an import returns and survives the terminal closing. If it dies,
/// the next `portal search`, a worker or the TUI picks the work up again (each step is
/// one transaction, so nothing is lost or done twice).
enum BackgroundIndexer {
  /// Starts the pass for the catalog at `location`; returns false if it could not.
  @discardableResult
  static func start(location: CatalogLocation) -> Bool {
    let executable = executablePath()
    let arguments = ["content-index", "--quiet", "--catalog", location.directory.path]
    let process = Process()
    let setsid = "/usr/bin/setsid"
    if FileManager.default.isExecutableFile(atPath: setsid) {
      process.executableURL = URL(fileURLWithPath: setsid)
      process.arguments = [executable] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = arguments
    }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
      try process.run()
      return true
    } catch {
      return false
    }
  }

  /// This executable as the kernel knows it (argv[0] may be relative or a bare name).
  private static func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}
