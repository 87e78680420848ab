import Foundation
import PortalTesting

#if canImport(Glibc)
  import Glibc
#endif

/// A real OpenSSH server on 127.0.0.1 for review-station tests: a throwaway service
/// account, a generated host key, a config in a temp dir; stopped by ``stop()``.
final class SSHStation {
  let dir: TemporaryDirectory
  let service: String
  let port: Int
  let authorizedKeys: String
  /// sshd's pid. sshd daemonizes (so it is not our child): Foundation.Process's child
  /// monitor blocks in wait4 on a long-running child of the test process and then
  /// never reaps the next `Process`, which hangs the test.
  private var sshd: pid_t?

  static var available: Bool {
    getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd")
      && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
      && FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
  }

  /// Creates the service account (a shell, no password, not locked) and the temp dir.
  init() throws {
    dir = try TemporaryDirectory("ssh-station")
    // The service account must reach the catalog and the authorized_keys inside it.
    chmod(dir.path, 0o755)
    service = "ptsvc" + UUID().uuidString.prefix(6).lowercased()
    let made = try Shell.run("/usr/sbin/useradd", ["--no-create-home", "--user-group", "--shell", "/bin/sh", service])
    guard made.status == 0 else { throw CLIFailure("useradd failed: \(made.stderr)") }
    // '!' (useradd's default) means locked, which sshd refuses without PAM; '*' only
    // means no password works.
    _ = try Shell.run("/usr/sbin/usermod", ["-p", "*", service])
    port = try Self.freePort()
    authorizedKeys = dir.appending("authorized_keys").path
    // As an administrator would: the service account owns its authorized_keys (sshd
    // reads it as that account); edits made as root must keep it so.
    _ = try dir.write("", to: "authorized_keys")
    chmod(authorizedKeys, 0o600)
    let owned = try Shell.run("/bin/chown", ["\(service):\(service)", authorizedKeys])
    guard owned.status == 0 else { throw CLIFailure("chown failed: \(owned.stderr)") }
  }

  /// Writes the config (with the station's `Match User` block) and starts sshd,
  /// returning once it accepts connections.
  func start(matchBlock: String) throws {
    let hostKey = dir.appending("host_ed25519").path
    let keygen = try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", hostKey])
    guard keygen.status == 0 else { throw CLIFailure("host key: \(keygen.stderr)") }
    let config = """
      Port \(port)
      ListenAddress 127.0.0.1
      HostKey \(hostKey)
      PidFile \(dir.appending("sshd.pid").path)
      UsePAM no
      StrictModes no
      AuthorizedKeysFile \(authorizedKeys)
      PubkeyAuthentication yes
      KbdInteractiveAuthentication no
      AllowUsers \(service)
      LogLevel VERBOSE
      \(matchBlock)

      """
    let configPath = try dir.write(config, to: "sshd_config").path
    // sshd needs its privilege-separation directory.
    try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
    let check = try Shell.run("/usr/sbin/sshd", ["-t", "-f", configPath])
    guard check.status == 0 else { throw CLIFailure("sshd -t refused the config: \(check.stderr)") }
    let started = try Shell.run("/usr/sbin/sshd", ["-f", configPath, "-E", logPath])
    guard started.status == 0 else { throw CLIFailure("sshd failed: \(started.stderr) \(log)") }
    let pidFile = dir.appending("sshd.pid").path
    let deadline = Date().addingTimeInterval(15)
    while sshd == nil || !Self.accepts(port: port) {
      if sshd == nil, let text = try? String(contentsOfFile: pidFile, encoding: .utf8) {
        sshd = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      }
      guard Date() < deadline else {
        throw CLIFailure("sshd did not start listening on \(port): \(stop())")
      }
      usleep(20_000)  // poll interval
    }
  }

  /// The ssh command line for `key`, optionally asking for `command`.
  func ssh(key: String, tty: Bool, command: String? = nil) -> [String] {
    [
      "/usr/bin/ssh", tty ? "-tt" : "-T", "-F", "/dev/null", "-i", key, "-p", "\(port)", "-o", "BatchMode=yes",
      "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
      "-o", "LogLevel=ERROR", "\(service)@127.0.0.1",
    ] + (command.map { [$0] } ?? [])
  }

  /// What sshd logged so far.
  var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

  var logPath: String { dir.appending("sshd.log").path }

  /// Stops sshd (if running) and returns what it logged.
  @discardableResult
  func stop() -> String {
    if let sshd {
      self.sshd = nil
      kill(sshd, SIGTERM)
      // Not our child: wait (with a deadline) until it is gone.
      let deadline = Date().addingTimeInterval(5)
      while kill(sshd, 0) == 0, Date() < deadline { usleep(20_000) }
    }
    return (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
  }

  /// Stops sshd, removes the account and the temp dir.
  func remove() {
    stop()
    // The sessions' processes end once tmux has hung up; userdel refuses until then.
    let deadline = Date().addingTimeInterval(10)
    while (try? Shell.run("/usr/sbin/userdel", [service]))?.status == 8, Date() < deadline { usleep(100_000) }
    dir.remove()
  }

  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else { throw CLIFailure("no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  static func accepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
  }
}
