import Foundation
import PortalTesting

/// A detached tmux server of its own (`-L`), running one command in a pane of a fixed
/// size: the real binary on a real terminal, read back with `capture-pane`.
struct TmuxSession {
  let socket = "portal-test-\(UUID().uuidString.prefix(8))"

  /// Starts `command` (a shell command line) in a `width`×`height` pane; when it ends, the
  /// pane prints `portal-exit=STATUS` and stays open so the test can read it.
  init(width: Int, height: Int, command: String) throws {
    // Through Spawn, not Shell: see Spawn for why tmux needs posix_spawn and a clean signal mask.
    let started = try Spawn.run(
      "/usr/bin/tmux",
      [
        "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
        "\(command); echo portal-exit=$?; cat",
      ])
    guard started.status == 0 else { throw CLIFailure("tmux new-session failed: \(started.stderr)") }
  }

  /// The pane's text now.
  func capture() -> String {
    (try? Shell.run("/usr/bin/tmux", ["-L", socket, "capture-pane", "-p"]).stdout) ?? ""
  }

  /// Sends keys by tmux name (`j`, `Escape`, `Tab`).
  func send(_ keys: String...) throws {
    let result = try Shell.run("/usr/bin/tmux", ["-L", socket, "send-keys"] + keys)
    guard result.status == 0 else { throw CLIFailure("tmux send-keys failed: \(result.stderr)") }
  }

  /// Polls the pane until `condition` holds; returns the last capture, or nil at the deadline.
  func waitFor(_ seconds: TimeInterval, _ condition: (String) -> Bool) -> String? {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
      let screen = capture()
      if condition(screen) { return screen }
      usleep(30_000)  // between polls only; the deadline decides
    } while Date() < deadline
    return nil
  }

  func kill() { _ = try? Spawn.run("/usr/bin/tmux", ["-L", socket, "kill-server"]) }
}

/// Quotes one word for `sh`.
func shellQuoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
