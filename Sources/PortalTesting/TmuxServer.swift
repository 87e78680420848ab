import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server (its own `-L` socket, so tests run in parallel) holding the real
/// binary on real terminals, read back with `capture-pane`. Every tmux call goes through
/// `Spawn` (see there for why); `kill()` ends the panes' programs and the server, and
/// runs when the value is released.
public final class TmuxServer: Sendable {
  /// The socket name (`tmux -L`).
  public let socket: String

  /// A server whose socket name starts with `prefix`; nothing runs until `start`.
  public init(prefix: String = "portal-test") {
    socket = "\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
  }

  deinit { kill() }

  /// Runs one tmux command against this server.
  @discardableResult
  public func run(_ arguments: [String]) throws -> Shell.Result {
    try Spawn.run("/usr/bin/tmux", ["-L", socket, "-f", "/dev/null"] + arguments)
  }

  /// Starts `command` (an argument list, each word quoted) in a session `name`.
  public func start(_ name: String, width: Int = 120, height: Int = 40, command: [String]) throws {
    try start(name, width: width, height: height, shellCommand: command.map(Self.quoted).joined(separator: " "))
  }

  /// Starts `shellCommand` (one line for `sh -c`) in a detached session `name` of
  /// `width`×`height`.
  public func start(_ name: String, width: Int = 120, height: Int = 40, shellCommand: String) throws {
    let started = try run([
      "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh", "-c", shellCommand,
    ])
    guard started.status == 0 else { throw Spawn.SpawnFailure(message: "tmux new-session: \(started.stderr)") }
  }

  /// The pane's text now (with SGR escapes when `escapes`).
  public func capture(_ name: String, escapes: Bool = false) -> String {
    (try? run(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : [])).stdout) ?? ""
  }

  /// Sends tmux key names (`j`, `Escape`, `NPage`), or literal text with `literal`.
  public func send(_ name: String, _ keys: [String], literal: Bool = false) throws {
    let sent = try run(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    guard sent.status == 0 else { throw Spawn.SpawnFailure(message: "tmux send-keys: \(sent.stderr)") }
  }

  /// Polls the pane until `condition` holds: the screen and how long it took, or nil at
  /// the deadline. (tmux has no change notification; 30 ms is the polling period.)
  public func waitFor(_ name: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool) -> (
    screen: String, seconds: TimeInterval
  )? {
    let started = Date()
    repeat {
      let screen = capture(name)
      if condition(screen) { return (screen, Date().timeIntervalSince(started)) }
      usleep(30_000)
    } while Date().timeIntervalSince(started) < timeout
    return nil
  }

  /// Ends the panes' programs, then the server: a hung-up ssh client can outlive
  /// `kill-server` and keep its remote session alive.
  public func kill() {
    let panes = (try? run(["list-panes", "-a", "-F", "#{pane_pid}"]).stdout) ?? ""
    for pid in panes.split(separator: "\n").compactMap({ pid_t($0) }) { Glibc.kill(pid, SIGKILL) }
    _ = try? run(["kill-server"])
  }

  /// Quotes one word for `sh`.
  public static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
