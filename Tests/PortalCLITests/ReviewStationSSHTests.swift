import Foundation
import PortalTesting
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A review station end to end through a real OpenSSH server: keys registered with
/// `portal station add-user`, forced commands, the TUI over `ssh -tt` inside tmux.
struct ReviewStationSSHTests {
  static let hidden = "reader-services-conversations-2019"
  /// A restricted dataset a reviewer may discover and a viewer may not.
  static let restricted = "\"Le Messager du L"

  @Test(
    .enabled(
      if: SSHStation.available,
      "skipped: needs root (useradd for a throwaway service account, sshd), /usr/sbin/sshd and tmux"))
  func reviewersActAsTheirKeySeeEachOtherAndSeeAGrantLive() throws {
    let station = try SSHStation()
    defer { station.remove() }
    let tmux = TmuxServer(prefix: "portal-ssh")
    defer { tmux.kill() }
    let catalog = station.dir.appending("station").path
    let built = try PortalBinary.run(["demo", "--print", "--dir", catalog], home: catalog)
    try #require(built.status == 0, "\(built.stderr)")
    let initialised = try PortalBinary.run(
      ["station", "init", "--dir", catalog, "--group", station.service, "--service", station.service], home: catalog)
    try #require(initialised.status == 0, "\(initialised.stderr)")
    let printed = initialised.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(printed.firstIndex(of: "Match User \(station.service)"))
    let block = printed[start...].prefix { !$0.isEmpty }
    #expect(block.contains("    AllowTcpForwarding no") && block.contains("    PermitTTY yes"))
    try expectShared(catalog, group: station.service)

    var keys: [String: String] = [:]
    for (login, role) in [("leila", "reviewer"), ("tomasz", "reviewer"), ("eli", "viewer")] {
      let key = station.dir.appending("id_\(login)").path
      _ = try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", key])
      let added = try PortalBinary.run(
        [
          "station", "add-user", login, "--key", key + ".pub", "--role", role, "--authorized-keys",
          station.authorizedKeys, "--catalog", catalog,
        ], home: catalog)
      try #require(added.status == 0, "\(added.stderr)")
      keys[login] = key
    }
    let leilaKey = try #require(keys["leila"])
    let tomaszKey = try #require(keys["tomasz"])
    let eliKey = try #require(keys["eli"])
    var keysFile = stat()
    #expect(
      stat(station.authorizedKeys, &keysFile) == 0 && keysFile.st_uid == getpwnam(station.service)?.pointee.pw_uid)
    let users = try PortalBinary.run(
      ["station", "list-users", "--authorized-keys", station.authorizedKeys, "--catalog", catalog], home: catalog)
    #expect(users.stdout.contains("leila") && users.stdout.contains("SHA256:"), "\(users.stdout)")
    try station.start(matchBlock: block.joined(separator: "\n"))

    // A command the client asks for: refused unless on the read-only list, else run as the key's user.
    let refused = try run(
      station.ssh(key: leilaKey, tty: false, command: "portal user add x --role owner"), in: station)
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("datasets list [--json]"), "\(refused.stderr)")
    let people = try PortalBinary.run(["user", "list", "--json", "--catalog", catalog], home: catalog)
    #expect(!people.stdout.contains("\"x\""))
    let listed = try run(station.ssh(key: leilaKey, tty: false, command: "datasets list --json"), in: station)
    #expect(listed.status == 0, "\(listed.stderr)\nsshd: \(station.log)")
    #expect(listed.stdout.contains(Self.restricted))
    // The viewer's key lists only what a viewer may discover: the identity is the key's.
    let viewer = try run(station.ssh(key: eliKey, tty: false, command: "datasets list --json"), in: station)
    #expect(viewer.status == 0, "\(viewer.stderr)")
    #expect(viewer.stdout.contains(Self.hidden) && !viewer.stdout.contains(Self.restricted))
    let before = try run(station.ssh(key: leilaKey, tty: false, command: "preview \(Self.hidden) --plain"), in: station)
    #expect(before.status != 0)

    // Two reviewers in the TUI, each as their own key's user, each seeing the other.
    try tmux.start("leila", command: station.ssh(key: leilaKey, tty: true))
    try tmux.start("tomasz", command: station.ssh(key: tomaszKey, tty: true))
    // Keep tomasz's pane after his session ends, to read why it ended.
    try tmux.run(["set-option", "-t", "tomasz", "remain-on-exit", "on"])
    let leilaScreen = tmux.waitFor("leila") { $0.contains("leila (reviewer)") }
    #expect(leilaScreen != nil, "leila's screen: \(tmux.capture("leila"))")
    #expect(tmux.waitFor("tomasz") { $0.contains("tomasz (reviewer)") } != nil, "\(tmux.capture("tomasz"))")
    // Leila opens the private dataset (second from the end): she may not preview it yet.
    // Each key waits for the cursor position it causes, so a loaded machine whose list
    // is still loading cannot swallow a key.
    let loaded = tmux.waitFor("leila") { rowCounter(in: $0) != nil }
    let total = try #require(loaded.flatMap { rowCounter(in: $0.0) }?.total, "\(tmux.capture("leila"))")
    try tmux.send("leila", ["End"])
    #expect(tmux.waitFor("leila") { rowCounter(in: $0)?.row == total } != nil, "\(tmux.capture("leila"))")
    try tmux.send("leila", ["Up"])
    #expect(tmux.waitFor("leila") { rowCounter(in: $0)?.row == total - 1 } != nil, "\(tmux.capture("leila"))")
    try tmux.send("leila", ["Enter"])
    let opened = tmux.waitFor("leila") { $0.contains("reader-services-conversations-2019") && $0.contains("You may") }
    #expect(opened?.0.contains("You may       discover, requestAccess") == true, "\(tmux.capture("leila"))")
    #expect(tmux.waitFor("leila") { $0.contains("also here: tomasz") } != nil, "\(tmux.capture("leila"))")
    #expect(tmux.waitFor("tomasz") { $0.contains("also here: leila") } != nil, "\(tmux.capture("tomasz"))")

    // The owner grants leila a preview; her open screen shows the dataset by itself.
    let granted = try PortalBinary.run(
      ["grant", Self.hidden, "--to", "user:leila", "--permission", "preview", "--yes", "--catalog", catalog],
      home: catalog)
    try #require(granted.status == 0, "\(granted.stderr)")
    let seen = tmux.waitFor("leila", timeout: 10) { screen in
      screen.split(separator: "\n").contains { $0.contains("You may") && $0.contains("preview") }
    }
    #expect(seen != nil, "\(tmux.capture("leila"))")
    if let seen {
      print("review station: a grant reached the reviewer's open screen in \(String(format: "%.2f", seen.1)) s")
      #expect(seen.1 < 2)
    }
    let after = try run(station.ssh(key: leilaKey, tty: false, command: "preview \(Self.hidden) --plain"), in: station)
    #expect(after.status == 0, "\(after.stderr)")

    // Revoking tomasz's key: the next login with it is refused by sshd itself.
    let removed = try PortalBinary.run(
      ["station", "remove-user", "tomasz", "--authorized-keys", station.authorizedKeys, "--catalog", catalog],
      home: catalog)
    #expect(removed.status == 0, "\(removed.stderr)")
    let locked = try run(station.ssh(key: tomaszKey, tty: false, command: "datasets list"), in: station)
    #expect(locked.status == 255, "\(locked.stdout)\(locked.stderr)")
    // His open session ends too, saying why, at its next heartbeat.
    let ended = tmux.waitFor("tomasz", timeout: 15) { $0.contains("was disabled by an owner") }
    #expect(ended != nil, "\(tmux.capture("tomasz"))")
    #expect(tmux.capture("leila").contains("leila (reviewer)"), "leila's session should be untouched")
    let usersAfter = try PortalBinary.run(["user", "list", "--catalog", catalog], home: catalog)
    #expect(usersAfter.stdout.split(separator: "\n").contains { $0.hasPrefix("tomasz") && $0.contains("disabled") })
    let enabled = try PortalBinary.run(["user", "enable", "tomasz", "--catalog", catalog], home: catalog)
    #expect(enabled.status == 0 && enabled.stdout.contains("add their key again"), "\(enabled.stderr)")
    try expectShared(catalog, group: station.service)
  }

  /// The datasets screen's "row/total" cursor counter on its title line, once rows are loaded.
  private func rowCounter(in screen: String) -> (row: Int, total: Int)? {
    guard let title = screen.split(separator: "\n").first(where: { $0.contains("Partner Portal › Datasets") })
    else { return nil }
    for word in title.split(separator: " ") {
      let parts = word.split(separator: "/")
      if parts.count == 2, let row = Int(parts[0]), let total = Int(parts[1]), total > 0 { return (row, total) }
    }
    return nil
  }

  private func run(_ command: [String], in station: SSHStation) throws -> Shell.Result {
    try Spawn.run(command[0], Array(command.dropFirst()))
  }

  /// Every file the sessions made is still group-readable and writable, in the group.
  private func expectShared(_ catalog: String, group: String) throws {
    let gid = try #require(getgrnam(group)).pointee.gr_gid
    let walker = try #require(FileManager.default.enumerator(atPath: catalog))
    var paths = [catalog]
    while let relative = walker.nextObject() as? String { paths.append(catalog + "/" + relative) }
    for path in paths {
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      #expect(info.st_gid == gid, "\(path) group")
      let isDirectory = info.st_mode & S_IFMT == S_IFDIR
      #expect(info.st_mode & 0o060 == 0o060, "\(path) mode \(String(info.st_mode, radix: 8))")
      if isDirectory { #expect(info.st_mode & S_ISGID != 0, "\(path) setgid") }
    }
  }
}
