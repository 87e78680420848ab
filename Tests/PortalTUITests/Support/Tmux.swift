import Foundation
import PortalTesting
import Testing

/// A private tmux server (its own socket, so tests run in parallel) driving the real binary.
final class Tmux {
  let socket = "portal-tui-\(getpid())-\(UUID().uuidString.prefix(8))"

  /// Starts `command` in a detached session of `width`×`height` with `environment`.
  init(command: String, width: Int = 120, height: Int = 40, environment: [String: String]) throws {
    let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }.joined(
      separator: " ")
    // The shell stays after portal exits, so the test can see the restored screen.
    let script = "env \(exports) \(command); echo PORTAL-EXITED-$?; exec sleep 120"
    // Through Spawn, not Shell: see Spawn for why tmux needs posix_spawn and a clean signal mask.
    let started = try Spawn.run(
      "/usr/bin/tmux",
      ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
    guard started.status == 0 else { throw TmuxError.failed("tmux new-session: \(started.stderr)") }
  }

  deinit { _ = try? Spawn.run("/usr/bin/tmux", ["-L", socket, "kill-server"]) }

  @discardableResult
  func run(_ arguments: [String]) throws -> Shell.Result {
    try Shell.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments)
  }

  /// The visible pane text.
  func capture() -> String { (try? run(["capture-pane", "-p"]).stdout) ?? "" }

  /// Sends keys (tmux key names, or literal text with `literal`).
  func send(_ keys: String..., literal: Bool = false) throws {
    try run(["send-keys"] + (literal ? ["-l"] : []) + keys)
  }

  /// Types text one character at a time, waiting for `until` to appear after the last one.
  func type(_ text: String) throws {
    for character in text { try send(String(character), literal: true) }
  }

  /// Polls the pane until `condition` holds; fails the test with the pane at the deadline.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    var pane = capture()
    while !condition(pane) {
      if Date() > deadline {
        Issue.record("timed out waiting for \(what); the pane shows:\n\(pane)", sourceLocation: sourceLocation)
        return false
      }
      usleep(50_000)
      pane = capture()
    }
    return true
  }

  func waitFor(text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) {
    waitFor("'\(text)'", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
  }

  func resize(width: Int, height: Int) throws { try run(["resize-window", "-x", "\(width)", "-y", "\(height)"]) }

  private static func quote(_ value: String) -> String {
    "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  enum TmuxError: Error { case failed(String) }
}
