import Foundation

/// Runs a command and captures what it prints: for tests that check against real
/// tools (sha256sum, sqlite3) and run the real `portal` binary.
public struct Shell {
  /// What a finished command left.
  public struct Result: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs `executable` with `arguments`, waiting for it to finish.
  @discardableResult
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil,
    input: String? = nil
  ) throws -> Result {
    let process = try start(executable, arguments, environment: environment, currentDirectory: currentDirectory)
    if let input {
      process.stdin?.write(Data(input.utf8))
    }
    try? process.stdin?.close()
    return process.wait()
  }

  /// A started process whose output is being collected.
  public final class Running: @unchecked Sendable {
    // @unchecked: the pipes' buffers are only read after the process has exited.
    let process: Process
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    private var stdoutData = Data()
    private var stderrData = Data()
    private let group = DispatchGroup()

    init(process: Process) {
      self.process = process
    }

    var stdin: FileHandle? { inPipe.fileHandleForWriting }

    public var pid: Int32 { process.processIdentifier }

    func collect() {
      group.enter()
      DispatchQueue.global().async {
        self.stdoutData = self.out.fileHandleForReading.readDataToEndOfFile()
        self.group.leave()
      }
      group.enter()
      DispatchQueue.global().async {
        self.stderrData = self.err.fileHandleForReading.readDataToEndOfFile()
        self.group.leave()
      }
    }

    /// Waits for the process and returns what it printed.
    public func wait() -> Result {
      process.waitUntilExit()
      group.wait()
      return Result(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
    }
  }

  /// Starts `executable` without waiting.
  public static func start(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil, currentDirectory: String? = nil
  ) throws -> Running {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let running = Running(process: process)
    process.standardOutput = running.out
    process.standardError = running.err
    process.standardInput = running.inPipe
    try process.run()
    running.collect()
    return running
  }

  /// The hex SHA-256 of a file according to the system's `sha256sum`.
  public static func sha256sum(_ path: String) throws -> String {
    let result = try run("/usr/bin/sha256sum", [path])
    return String(result.stdout.prefix(64))
  }
}
