import Foundation
import PortalTesting
import Testing

/// The real binary in one pane of its own tmux server, with the checks the TUI tests
/// make on it.
final class Tmux {
  let server = TmuxServer(prefix: "portal-tui")

  /// Starts `command` in a detached session of `width`×`height` with `environment`.
  init(command: String, width: Int = 120, height: Int = 40, environment: [String: String]) throws {
    let exports = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxServer.quoted($0.value))" }
      .joined(separator: " ")
    // The shell stays after portal exits, so the test can see the restored screen.
    try server.start(
      "main", width: width, height: height,
      shellCommand: "env \(exports) \(command); echo PORTAL-EXITED-$?; exec sleep 120")
  }

  /// The visible pane text.
  func capture() -> String { server.capture("main") }

  /// The visible pane with its colours and attributes as SGR escapes (`capture-pane -e`).
  func captureWithEscapes() -> String { server.capture("main", escapes: true) }

  /// Sends keys (tmux key names, or literal text with `literal`).
  func send(_ keys: String..., literal: Bool = false) throws { try server.send("main", keys, literal: literal) }

  /// Types text one character at a time.
  func type(_ text: String) throws {
    for character in text { try send(String(character), literal: true) }
  }

  /// Polls the pane until `condition` holds; fails the test with the pane at the deadline.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) -> Bool {
    guard server.waitFor("main", timeout: timeout, condition) != nil else {
      Issue.record("timed out waiting for \(what); the pane shows:\n\(capture())", sourceLocation: sourceLocation)
      return false
    }
    return true
  }

  func waitFor(text: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) {
    waitFor("'\(text)'", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
  }

  func resize(width: Int, height: Int) throws {
    try server.run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
  }
}
