import Foundation
import PortalTesting

/// One command in a pane of a fixed size on a tmux server of its own: the real binary on
/// a real terminal, read back with `capture-pane`.
struct TmuxSession {
  let server = TmuxServer()

  /// Starts `command` (a shell command line) in a `width`×`height` pane; when it ends, the
  /// pane prints `portal-exit=STATUS` and stays open so the test can read it.
  init(width: Int, height: Int, command: String) throws {
    try server.start("main", width: width, height: height, shellCommand: "\(command); echo portal-exit=$?; cat")
  }

  /// The pane's text now.
  func capture() -> String { server.capture("main") }

  /// Sends keys by tmux name (`j`, `Escape`, `Tab`).
  func send(_ keys: String...) throws { try server.send("main", keys) }

  /// Polls the pane until `condition` holds; returns the last capture, or nil at the deadline.
  func waitFor(_ seconds: TimeInterval, _ condition: (String) -> Bool) -> String? {
    server.waitFor("main", timeout: seconds, condition)?.screen
  }

  func kill() { server.kill() }
}

/// Quotes one word for `sh`.
func shellQuoted(_ word: String) -> String { TmuxServer.quoted(word) }
