import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Records a terminal session as an asciinema v2 cast while it is shown, like `script`.
///
/// The UI draws to a pseudo-terminal (``terminalDescriptor``, a real tty, so curses can set
/// its modes) and a relay thread copies: keys from the real terminal to the pty, and the pty's
/// output to the real terminal and, timestamped, to the cast. The real terminal is put in raw
/// mode for the session (the pty's line discipline applies the UI's own modes) and restored by
/// ``finish()``. Size changes of the real terminal are passed on to the pty, recorded as
/// `"r"` events (asciicast v2) and announced with `SIGWINCH`. Ctrl-C reaches the process as
/// `SIGINT` when the UI's modes ask for signals, as it would without recording.
public final class TerminalRecorder: @unchecked Sendable {
  /// Why recording could not start.
  public struct Failure: Error, CustomStringConvertible, Sendable {
    /// A sentence saying what to do.
    public let description: String
  }

  /// The pty side to give the UI as both input and output.
  public let terminalDescriptor: Int32
  private let master: Int32
  private let input: Int32
  private let output: Int32
  private let cast: Int32
  private let wake: (read: Int32, write: Int32)
  private var saved = termios()
  private var lastSize: winsize
  private var carry: [UInt8] = []
  private let started: timespec
  private let done = DispatchSemaphore(value: 0)
  private var finished = false

  /// Starts recording to `castPath` (created or truncated) the terminal on `input`/`output`.
  public init(castPath: String, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws(Failure) {
    guard isatty(input) == 1, isatty(output) == 1 else {
      throw Failure(description: "--record needs a terminal on standard input and output")
    }
    self.input = input
    self.output = output
    var size = winsize()
    if ioctl(output, UInt(TIOCGWINSZ), &size) != 0 || size.ws_col == 0 {
      size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    }
    lastSize = size
    let castFile = open(castPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard castFile >= 0 else {
      throw Failure(
        description:
          "cannot write \(castPath) (\(String(cString: strerror(errno)))); choose a writable path for --record")
    }
    cast = castFile
    let master = pty_posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
    var name = [CChar](repeating: 0, count: 128)
    guard master >= 0, pty_grantpt(master) == 0, pty_unlockpt(master) == 0,
      pty_ptsname_r(master, &name, name.count) == 0
    else {
      if master >= 0 { close(master) }
      close(castFile)
      throw Failure(description: "cannot open a pseudo-terminal to record through; run without --record")
    }
    let slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else {
      close(master)
      close(castFile)
      throw Failure(description: "cannot open a pseudo-terminal to record through; run without --record")
    }
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    self.master = master
    terminalDescriptor = slave
    var pipeEnds: [Int32] = [0, 0]
    _ = pipe(&pipeEnds)
    wake = (pipeEnds[0], pipeEnds[1])
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    started = now
    let term = getenv("TERM").map { String(cString: $0) } ?? "xterm-256color"
    let header =
      "{\"version\": 2, \"width\": \(size.ws_col), \"height\": \(size.ws_row), \"timestamp\": \(time(nil)), "
      + "\"env\": {\"TERM\": \(Self.jsonString(term)), \"SHELL\": \(Self.jsonString(getenv("SHELL").map { String(cString: $0) } ?? "/bin/sh"))}}\n"
    writeAll(cast, Array(header.utf8))
    tcgetattr(input, &saved)
    var raw = saved
    cfmakeraw(&raw)
    tcsetattr(input, TCSANOW, &raw)
    let thread = Thread { [self] in relay() }
    thread.name = "terminal-recorder"
    thread.start()
  }

  deinit { finish() }

  /// Copies what is still pending, stops the relay, restores the real terminal and closes
  /// the cast. Call after the UI restored its terminal; safe to call twice.
  public func finish() {
    guard !finished else { return }
    finished = true
    var byte: UInt8 = 1
    _ = write(wake.write, &byte, 1)
    done.wait()
    tcsetattr(input, TCSANOW, &saved)
    for descriptor in [terminalDescriptor, master, cast, wake.read, wake.write] { close(descriptor) }
  }

  // MARK: - The relay thread

  private func relay() {
    var buffer = [UInt8](repeating: 0, count: 65536)
    var fds = [
      pollfd(fd: input, events: Int16(POLLIN), revents: 0), pollfd(fd: master, events: Int16(POLLIN), revents: 0),
      pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
    ]
    var stopping = false
    while true {
      let ready = poll(&fds, nfds_t(fds.count), stopping ? 0 : 100)
      checkSize()
      if ready < 0 && errno == EINTR { continue }
      if ready < 0 || (ready == 0 && stopping) { break }
      if fds[2].revents != 0 {
        // Stop listening to the wake pipe and to keys; drain what the UI wrote, then end.
        stopping = true
        fds[2].fd = -1
        fds[0].fd = -1
        fds[0].revents = 0
      }
      if fds[0].revents & Int16(POLLIN) != 0 {
        let count = read(input, &buffer, buffer.count)
        if count > 0 {
          let keys = Array(buffer[0..<count])
          writeAll(master, keys)
          if keys.contains(0x03) { interruptIfTheUIAsksForSignals() }
        }
      }
      if fds[1].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
          let bytes = Array(buffer[0..<count])
          writeAll(output, bytes)
          recordOutput(bytes)
        } else if stopping {
          break
        }
      }
    }
    done.signal()
  }

  private func interruptIfTheUIAsksForSignals() {
    var modes = termios()
    if tcgetattr(terminalDescriptor, &modes) == 0, modes.c_lflag & tcflag_t(ISIG) != 0 { kill(getpid(), SIGINT) }
  }

  private func checkSize() {
    var size = winsize()
    guard ioctl(output, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0,
      size.ws_col != lastSize.ws_col || size.ws_row != lastSize.ws_row
    else { return }
    lastSize = size
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    writeEvent("r", "\(size.ws_col)x\(size.ws_row)")
    // The pty is nobody's controlling terminal, so the kernel does not tell the UI.
    kill(getpid(), SIGWINCH)
  }

  /// Writes complete UTF-8 only: a sequence cut by the read waits for the next chunk.
  private func recordOutput(_ bytes: [UInt8]) {
    var data = carry + bytes
    carry = []
    var cut = data.count
    for back in 1...min(3, data.count) {
      let byte = data[data.count - back]
      if byte & 0xC0 == 0x80 { continue }
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      if length > back { cut = data.count - back }
      break
    }
    carry = Array(data[cut...])
    data.removeSubrange(cut...)
    guard !data.isEmpty else { return }
    writeEvent("o", String(decoding: data, as: UTF8.self))
  }

  private func writeEvent(_ kind: String, _ text: String) {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let seconds = Double(now.tv_sec - started.tv_sec) + Double(now.tv_nsec - started.tv_nsec) / 1e9
    let line = "[\(String(format: "%.6f", seconds)), \"\(kind)\", \(Self.jsonString(text))]\n"
    writeAll(cast, Array(line.utf8))
  }

  private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// A JSON string literal (controls as `\u00XX`). Its own copy of
  /// `PortalCore.QuotedString`: TerminalKit knows nothing of the portal's targets.
  static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

// glibc declares the pty functions only under _XOPEN_SOURCE, which Swift's Glibc module
// does not define; they are plain C symbols with C types, so they are bound by name.
@_silgen_name("posix_openpt") private func pty_posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func pty_grantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func pty_unlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname_r") private func pty_ptsname_r(
  _ descriptor: Int32, _ buffer: UnsafeMutablePointer<CChar>, _ length: Int
) -> Int32
