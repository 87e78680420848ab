import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program with `posix_spawn` and reaps exactly its pid, for tools that fork a
/// background server (tmux) or hold descriptors open (ssh).
///
/// Why not `Shell.run` (Foundation's `Process`) for these: the server tmux forks keeps
/// inherited pipes open, so reading to EOF never ends, and `Process` sometimes never saw
/// a quickly exiting tmux client end. Why the signal attributes: a child inherits the
/// calling thread's signal mask, and the test runner's threads block nearly every
/// signal — a tmux server spawned with that mask ignores the SIGTERM `kill-server`
/// sends itself and outlives the test. The child gets an empty mask and default
/// handlers.
public enum Spawn {
  /// Runs `path` with `arguments` (standard input from /dev/null), waits, and returns
  /// what it printed. `environment` replaces the test process's when given.
  public static func run(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> Shell.Result
  {
    let tag = UUID().uuidString
    let out = NSTemporaryDirectory() + "portal-spawn-\(tag).out"
    let err = NSTemporaryDirectory() + "portal-spawn-\(tag).err"
    defer {
      unlink(out)
      unlink(err)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &none)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let variables = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
    defer { for pointer in variables ?? [] { free(pointer) } }
    var pid = pid_t()
    let spawned =
      variables.map { posix_spawn(&pid, path, &actions, &attributes, argv, $0) }
      ?? posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard spawned == 0 else {
      throw SpawnFailure(message: "cannot start \(path): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let exited = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Shell.Result(
      status: exited, stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
  }

  /// A program that could not be started at all.
  public struct SpawnFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }
}
