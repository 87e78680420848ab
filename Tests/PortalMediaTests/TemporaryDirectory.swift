import Foundation

@testable import PortalMedia

/// A fresh directory under the system temporary directory, removed when released.
/// Tests build all their data inside one.
final class TemporaryDirectory {
  let path: String

  init() throws {
    let base = FileManager.default.temporaryDirectory.path
    path = base + "/portal-media-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    // Restore permissions a test may have removed, so removal succeeds.
    if let enumerator = FileManager.default.enumerator(atPath: path) {
      for case let name as String in enumerator {
        chmod(path + "/" + name, 0o755)
      }
    }
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Writes `bytes` to `name` (subdirectories created), returning the absolute path.
  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    let parent = (file as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Writes UTF-8 text.
  @discardableResult
  func write(_ name: String, text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  /// Creates a directory.
  func makeDirectory(_ name: String) throws {
    try FileManager.default.createDirectory(atPath: path + "/" + name, withIntermediateDirectories: true)
  }

  /// Creates a symbolic link `name` pointing to `target` (taken as written).
  func link(_ name: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path + "/" + name, withDestinationPath: target)
  }
}

/// Runs the analyzer on a file and collects its samples.
func analyze(_ path: String, options: FileAnalyzer.Options = .init()) throws -> (AnalyzedFile, [AnalyzedSample]) {
  var samples: [AnalyzedSample] = []
  let file = try FileAnalyzer(options: options).analyze(path: path) { samples.append($0) }
  return (file, samples)
}

/// The SHA-256 of `bytes` computed by coreutils' `sha256sum`, independent of the code
/// under test.
func sha256sum(_ bytes: [UInt8]) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["sha256sum"]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  input.fileHandleForWriting.write(Data(bytes))
  try input.fileHandleForWriting.close()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data.prefix(64), as: UTF8.self)
}

/// A small deterministic generator (SplitMix64) so fuzz failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  mutating func bytes(_ count: Int) -> [UInt8] {
    (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
  }
}
