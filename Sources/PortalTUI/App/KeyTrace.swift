import Foundation

/// Appends one line per key to the file `PORTAL_TRACE_KEYS` names: the key and the
/// microseconds from reading it to `doupdate` returning (what `scripts/bench-tui` reads).
final class KeyTrace {
  private let handle: FileHandle?

  init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard let path = environment["PORTAL_TRACE_KEYS"], !path.isEmpty else {
      handle = nil
      return
    }
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(atPath: path, contents: nil)
    }
    handle = FileHandle(forWritingAtPath: path)
    _ = try? handle?.seekToEnd()
  }

  var isEnabled: Bool { handle != nil }

  /// Records a key and how long it took.
  func record(_ label: String, nanoseconds: UInt64) {
    guard let handle else { return }
    let line = "\(label)\t\(nanoseconds / 1000)\n"
    handle.write(Data(line.utf8))
  }

  /// Records a named value (the wall-clock time of the first complete frame).
  func mark(_ label: String, value: UInt64) {
    guard let handle else { return }
    handle.write(Data("\(label)\t\(value)\n".utf8))
  }
}
