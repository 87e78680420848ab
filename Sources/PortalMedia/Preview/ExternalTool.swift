import Foundation

/// Runs the helper programs previews use (ffmpeg, ffprobe, poppler) with no terminal
/// input, a time limit and an output cap, so a hostile file can neither hang a preview
/// nor fill memory.
enum ExternalTool {
  /// The Debian package that provides each helper.
  static let packages = [
    "ffmpeg": "ffmpeg", "ffprobe": "ffmpeg", "pdftotext": "poppler-utils", "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
  ]

  /// The executable's path on `$PATH`, or nil when it is not installed.
  static func locate(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The error for a helper that is not installed.
  static func missing(_ name: String) -> PreviewError {
    .missingTool(tool: name, package: packages[name] ?? name)
  }

  /// What a run produced.
  struct Output {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var timedOut: Bool

    /// The last line of standard error, for a one-line reason (ffmpeg ends with the cause).
    var reason: String {
      let line = stderr.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
      return line.isEmpty ? "exit status \(status)" : TerminalSanitizer.sanitize(line).text
    }

    /// The first line of standard error (poppler starts with the cause: "Syntax Error:
    /// Couldn't find trailer dictionary", then repeats or follows on).
    var firstReason: String {
      let line = stderr.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
      return line.isEmpty ? "exit status \(status)" : TerminalSanitizer.sanitize(line).text
    }
  }

  /// Runs `name` and collects its output (at most `maxOutput` bytes of stdout).
  static func run(_ name: String, _ arguments: [String], timeout: Double, maxOutput: Int = 64 << 20)
    throws(PreviewError)
    -> Output
  {
    var collected: [UInt8] = []
    let result = try stream(name, arguments, timeout: timeout) { chunk in
      collected.append(contentsOf: chunk.prefix(max(0, maxOutput - collected.count)))
      return collected.count < maxOutput
    }
    return Output(status: result.status, stdout: collected, stderr: result.stderr, timedOut: result.timedOut)
  }

  /// Runs `name`, handing stdout to `body` chunk by chunk until it returns false (the
  /// process is then stopped) or the output ends.
  static func stream(
    _ name: String, _ arguments: [String], timeout: Double, body: ([UInt8]) -> Bool
  ) throws(PreviewError) -> Output {
    guard let executable = locate(name) else { throw missing(name) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardOutput = stdout
    process.standardError = stderr
    let errors = ErrorBuffer()
    stderr.fileHandleForReading.readabilityHandler = { handle in errors.append(handle.availableData) }
    do {
      try process.run()
    } catch {
      throw .toolFailed("cannot run \(name): \(error.localizedDescription)")
    }
    let guardian = ProcessBox(process)
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { guardian.stop(timedOut: true) }
    let reader = stdout.fileHandleForReading
    while true {
      let chunk = (try? reader.read(upToCount: 1 << 16)) ?? nil
      guard let chunk, !chunk.isEmpty else { break }
      if !body([UInt8](chunk)) {
        guardian.stop(timedOut: false)
        break
      }
    }
    process.waitUntilExit()
    // The handler may not have run for the last bytes yet: read what is left ourselves.
    stderr.fileHandleForReading.readabilityHandler = nil
    if let rest = try? stderr.fileHandleForReading.readToEnd() { errors.append(rest) }
    let text = String(decoding: errors.bytes.prefix(4096), as: UTF8.self)
    if guardian.timedOut {
      throw .toolFailed("\(name) took longer than \(Int(timeout)) s and was stopped")
    }
    return Output(status: process.terminationStatus, stdout: [], stderr: text, timedOut: false)
  }
}

/// Standard error collected from a reader thread.
private final class ErrorBuffer: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func append(_ chunk: Data) {
    lock.lock()
    defer { lock.unlock() }
    if data.count < 65_536 { data.append(chunk) }
  }

  var bytes: [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    return [UInt8](data)
  }
}

/// Lets the timer stop a process owned by the reading thread.
private final class ProcessBox: @unchecked Sendable {
  private let lock = NSLock()
  private let process: Process
  private var stoppedForTime = false

  init(_ process: Process) { self.process = process }

  func stop(timedOut: Bool) {
    lock.lock()
    defer { lock.unlock() }
    guard process.isRunning else { return }
    if timedOut { stoppedForTime = true }
    process.terminate()
  }

  var timedOut: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stoppedForTime
  }
}
