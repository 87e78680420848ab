import Foundation
import Synchronization

/// Runs an external tool (tesseract, pdftoppm, ffmpeg, pocketsphinx) with a time limit,
/// collecting its output; a missing tool is an error naming the Debian package.
public enum ToolRunner {
  /// What a finished run left.
  public struct Output: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data

    /// The last line of standard error, for messages.
    public var lastErrorLine: String {
      String(decoding: stderr, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    }
  }

  /// Why a tool run failed.
  public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
    case missing(tool: String, package: String)
    case timedOut(tool: String, seconds: Double)
    case stopped(tool: String)
    case failed(tool: String, status: Int32, message: String)

    public var description: String {
      switch self {
      case .missing(let tool, let package):
        "\(tool) is not installed; install the Debian package \(package) (sudo apt-get install \(package)) and retry the job"
      case .timedOut(let tool, let seconds):
        "\(tool) ran longer than \(Int(seconds)) s and was stopped"
      case .stopped(let tool):
        "\(tool) was stopped because the job is stopping"
      case .failed(let tool, let status, let message):
        "\(tool) failed (exit \(status))\(message.isEmpty ? "" : ": \(message)")"
      }
    }
  }

  /// The executable named `tool` on `PATH` (or in /usr/bin), else `missing`.
  public static func locate(_ tool: String, package: String) throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
      let candidate = URL(fileURLWithPath: directory).appendingPathComponent(tool)
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw Failure.missing(tool: tool, package: package)
  }

  /// Runs `tool` and waits, killing it after `timeout` seconds or when `shouldStop` says so.
  public static func run(
    _ tool: URL, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval,
    shouldStop: @escaping @Sendable () -> Bool = { false }
  ) throws -> Output {
    let process = Process()
    process.executableURL = tool
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let collected = Mutex((stdout: Data(), stderr: Data()))
    let group = DispatchGroup()
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let name = tool.lastPathComponent
    do {
      try process.run()
    } catch {
      throw Failure.failed(tool: name, status: -1, message: error.localizedDescription)
    }
    for (pipe, isOut) in [(out, true), (err, false)] {
      group.enter()
      DispatchQueue.global().async {
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        collected.withLock { if isOut { $0.stdout = data } else { $0.stderr = data } }
        group.leave()
      }
    }
    let deadline = Date().addingTimeInterval(timeout)
    var ending: Failure?
    while exited.wait(timeout: .now() + 0.05) == .timedOut {
      if Date() > deadline {
        ending = .timedOut(tool: name, seconds: timeout)
      } else if shouldStop() {
        ending = .stopped(tool: name)
      }
      if ending != nil {
        kill(process.processIdentifier, SIGKILL)
        exited.wait()
        break
      }
    }
    group.wait()
    if let ending { throw ending }
    let output = collected.withLock { Output(status: process.terminationStatus, stdout: $0.stdout, stderr: $0.stderr) }
    return output
  }
}
