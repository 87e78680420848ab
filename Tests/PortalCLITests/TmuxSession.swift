import Foundation
import PortalTesting

/// A detached tmux server of its own (`-L`), running one command in a pane of a fixed
/// size: the real binary on a real terminal, read back with `capture-pane`.
struct TmuxSession {
  let socket = "portal-test-\(UUID().uuidString.prefix(8))"

  /// Starts `command` (a shell command line) in a `width`×`height` pane; when it ends, the
  /// pane prints `portal-exit=STATUS` and stays open so the test can read it.
  init(width: Int, height: Int, command: String) throws {
    // Spawned and reaped directly: the server tmux forks keeps inherited pipes open, and
    // Foundation's Process does not notice the client's exit under the test runner.
    let arguments = [
      "/usr/bin/tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
      "\(command); echo portal-exit=$?; cat",
    ]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    guard spawned == 0 else { throw CLIFailure("cannot start tmux (errno \(spawned))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    guard (status >> 8) & 0xFF == 0 else { throw CLIFailure("tmux new-session failed (status \(status >> 8))") }
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

  func kill() { _ = try? Shell.run("/usr/bin/tmux", ["-L", socket, "kill-server"]) }
}

/// Quotes one word for `sh`.
func shellQuoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
