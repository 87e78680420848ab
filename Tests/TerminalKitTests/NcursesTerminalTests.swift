import Foundation
import Testing

@testable import TerminalKit

#if canImport(Glibc)
  import Glibc
#endif

/// ncurses keeps one global screen, so these tests run one at a time.
@Suite(.serialized) struct NcursesTerminalTests {
  @Test func creatingWithoutATerminalThrowsInsteadOfExiting() throws {
    let pipeEnds = try makePipe()
    defer {
      close(pipeEnds.read)
      close(pipeEnds.write)
    }
    #expect(throws: TerminalKitError.self) {
      _ = try NcursesTerminal(options: .init(inputDescriptor: pipeEnds.read, outputDescriptor: pipeEnds.write))
    }
  }

  /// Drives a real ncurses screen over a pseudo-terminal: newterm, drawing, key decoding, restore.
  @Test func drawsAndReadsKeysOverAPseudoTerminal() throws {
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(
      options: .init(mouse: false, inputDescriptor: pty.follower, outputDescriptor: pty.follower))
    #expect(terminal.size.width > 0 && terminal.size.height > 0)
    terminal.put(text: "Hello 日本", at: Point(x: 2, y: 1), style: Style(foreground: .red, attributes: .bold))
    terminal.present()
    let drawn = pty.readAvailable(until: { $0.contains("日本") })
    #expect(drawn.contains("Hello"))
    #expect(drawn.contains("日本"))

    // Redrawing the same frame plus one new cell sends only the new cell, not the old text.
    terminal.put(text: "Hello 日本", at: Point(x: 2, y: 1), style: Style(foreground: .red, attributes: .bold))
    terminal.put(text: "Z", at: Point(x: 0, y: 3), style: .plain)
    terminal.present()
    let update = pty.readAvailable(until: { $0.contains("Z") })
    #expect(update.contains("Z"))
    #expect(!update.contains("Hello"))

    pty.send("q\u{01}")
    #expect(terminal.readEvent(timeout: .seconds(2)) == .key(.character("q")))
    #expect(terminal.readEvent(timeout: .seconds(2)) == .key(.ctrl("a")))
    pty.send("é")
    #expect(terminal.readEvent(timeout: .seconds(2)) == .key(.character("é")))
    #expect(terminal.readEvent(timeout: .milliseconds(30)) == nil)

    // A second live terminal would steal ncurses' one current screen.
    #expect(throws: TerminalKitError.self) {
      _ = try NcursesTerminal(options: .init(inputDescriptor: pty.follower, outputDescriptor: pty.follower))
    }

    terminal.restore()
    #expect(terminal.readEvent(timeout: .zero) == nil)
    terminal.restore()  // idempotent: a second call must not touch freed ncurses state
    #expect(terminal.size == Size(width: 0, height: 0))
  }

  @Test func unknownTermFallsBackAndSaysSo() throws {
    let saved = getenv("TERM").map { String(cString: $0) }
    setenv("TERM", "no-such-terminal-xyz", 1)
    defer {
      if let saved { setenv("TERM", saved, 1) } else { unsetenv("TERM") }
    }
    let pty = try PseudoTerminal()
    let terminal = try NcursesTerminal(
      options: .init(inputDescriptor: pty.follower, outputDescriptor: pty.follower))
    defer { terminal.restore() }
    #expect(terminal.terminalType == "xterm-256color")
    #expect(terminal.fallbackNotice?.contains("no-such-terminal-xyz") == true)
    #expect(terminal.colorDepth == .ansi256 || terminal.colorDepth == .mono)

    // xterm in keypad mode sends ESC O A for up and ESC [ Z for back-tab.
    pty.send("\u{1B}OA")
    #expect(terminal.readEvent(timeout: .seconds(2)) == .key(.up))
    pty.send("\u{1B}[Z")
    #expect(terminal.readEvent(timeout: .seconds(2)) == .key(.backTab))
    // An SGR mouse press: button 0 at column 5, row 3 (1-based on the wire).
    pty.send("\u{1B}[<0;5;3M")
    #expect(terminal.readEvent(timeout: .seconds(2)) == .mouse(MouseEvent(.leftClick, at: Point(x: 4, y: 2))))
  }

  /// ncurses sends only what changed: moving the cursor row of a full table costs a fraction of
  /// the first frame (what keeps the portal usable over a slow SSH link).
  @Test func movingTheTableCursorSendsAFractionOfAFullFrame() throws {
    try withEnvironment(["TERM": "xterm-256color", "LINES": "24", "COLUMNS": "80"]) {
      let pty = try PseudoTerminal()
      let terminal = try NcursesTerminal(
        options: .init(mouse: false, inputDescriptor: pty.follower, outputDescriptor: pty.follower))
      defer { terminal.restore() }
      #expect(terminal.size == Size(width: 80, height: 24))
      let source = CountingDataSource(rowCount: 1_000)
      var table = TableView(columns: [
        TableColumn("Name", width: 20), TableColumn("Rows", width: 10, alignment: .trailing),
        TableColumn("State", width: 20),
      ])
      let rect = Rect(x: 0, y: 0, width: 80, height: 23)
      // A marker near the bottom right is drawn last, so seeing it means the frame has arrived.
      func frame(_ marker: String) {
        table.render(into: terminal, in: rect, dataSource: source)
        terminal.put(text: marker, at: Point(x: 78, y: 23), style: .plain)
        terminal.present()
      }
      frame("α")
      let full = pty.readAvailable(until: { $0.contains("α") }).utf8.count
      _ = table.handle(.key(.down), in: rect)
      frame("β")
      let update = pty.readAvailable(until: { $0.contains("β") }).utf8.count
      #expect(full > 800)
      #expect(update * 5 < full, "full frame \(full) bytes, cursor move \(update) bytes")
      if ProcessInfo.processInfo.environment["PORTAL_PRINT_MEASUREMENTS"] == "1" {
        print("measured: full frame \(full) bytes, cursor move \(update) bytes")
      }
    }
  }

  /// COLORTERM=truecolor under a 256-colour TERM loads the family's direct-colour entry, so
  /// an RGB style reaches the terminal as a 24-bit colour, not the nearest of 256.
  @Test func colortermTruecolorLoadsTheDirectColourEntryAndSendsRGB() throws {
    try withEnvironment(["TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": ""]) {
      let pty = try PseudoTerminal()
      let terminal = try NcursesTerminal(
        options: .init(mouse: false, inputDescriptor: pty.follower, outputDescriptor: pty.follower))
      defer { terminal.restore() }
      #expect(terminal.terminalType == "xterm-direct")
      #expect(terminal.colorDepth == .truecolor)
      #expect(terminal.fallbackNotice == nil)
      terminal.put(text: "rgb", at: Point(x: 0, y: 0), style: Style(foreground: .rgb(200, 100, 50)))
      terminal.present()
      let drawn = pty.readAvailable(until: { $0.contains("rgb") })
      #expect(drawn.contains("38:2::200:100:50") || drawn.contains("38;2;200;100;50"), "\(drawn.debugDescription)")
    }
  }

  /// Without COLORTERM the user's own entry is used: no surprise change of terminfo.
  @Test func withoutColortermTheUsersEntryIsKept() throws {
    try withEnvironment(["TERM": "xterm-256color", "COLORTERM": "", "NO_COLOR": ""]) {
      let pty = try PseudoTerminal()
      let terminal = try NcursesTerminal(
        options: .init(mouse: false, inputDescriptor: pty.follower, outputDescriptor: pty.follower))
      defer { terminal.restore() }
      #expect(terminal.terminalType == "xterm-256color")
      #expect(terminal.colorDepth == .ansi256)
    }
  }

  private func withEnvironment(_ values: [String: String], _ body: () throws -> Void) throws {
    let saved = values.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
    for (name, value) in values { setenv(name, value, 1) }
    defer {
      for (name, value) in saved {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
      }
    }
    try body()
  }

  private func makePipe() throws -> (read: Int32, write: Int32) {
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw POSIXError(.EIO) }
    return (fds[0], fds[1])
  }
}

/// A pseudo-terminal pair: the test plays the terminal emulator on `leader`.
private final class PseudoTerminal {
  let leader: Int32
  let follower: Int32

  init() throws {
    // Glibc's Swift module hides the XSI pty calls; look them up in libc directly.
    typealias DescriptorCall = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    func libc<T>(_ name: String, _ type: T.Type) throws -> T {
      guard let symbol = dlsym(nil, name) else { throw POSIXError(.ENOSYS) }
      return unsafeBitCast(symbol, to: type)
    }
    let openLeader = try libc("posix_openpt", DescriptorCall.self)
    let grant = try libc("grantpt", DescriptorCall.self)
    let unlock = try libc("unlockpt", DescriptorCall.self)
    let name = try libc("ptsname", NameCall.self)
    leader = openLeader(O_RDWR | O_NOCTTY)
    guard leader >= 0, grant(leader) == 0, unlock(leader) == 0, let path = name(leader) else {
      throw POSIXError(.ENODEV)
    }
    follower = open(path, O_RDWR | O_NOCTTY)
    guard follower >= 0 else { throw POSIXError(.ENODEV) }
  }

  deinit {
    close(follower)
    close(leader)
  }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(leader, $0.baseAddress, $0.count) }
  }

  /// Reads what the program wrote until `done` holds or 2 s pass (poll-based, no sleeps).
  func readAvailable(until done: (String) -> Bool) -> String {
    var collected: [UInt8] = []
    let deadline = ContinuousClock.now.advanced(by: .seconds(2))
    var buffer = [UInt8](repeating: 0, count: 4096)
    while ContinuousClock.now < deadline {
      var descriptor = pollfd(fd: leader, events: Int16(POLLIN), revents: 0)
      guard poll(&descriptor, 1, 100) > 0 else { continue }
      let count = buffer.withUnsafeMutableBytes { read(leader, $0.baseAddress, $0.count) }
      guard count > 0 else { break }
      collected += buffer[0..<count]
      if done(String(decoding: collected, as: UTF8.self)) { break }
    }
    return String(decoding: collected, as: UTF8.self)
  }
}
