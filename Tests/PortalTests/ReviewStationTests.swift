import Foundation
import Portal
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// Review stations below the command line: the request allow-list, key checks,
/// authorized_keys edits, disabling users, the station marker and presence.
struct ReviewStationTests {
  @Test func onlyTheReadOnlyCommandsPassTheAllowList() throws {
    #expect(try StationRequest.arguments(for: "datasets list --json") == ["datasets", "list", "--json"])
    #expect(
      try StationRequest.arguments(for: "portal datasets show 'Field notes' --json")
        == ["datasets", "show", "Field notes", "--json"])
    #expect(try StationRequest.arguments(for: "search \"bird song\" dawn") == ["search", "bird song", "dawn"])
    #expect(try StationRequest.arguments(for: "samples kit") == ["samples", "kit"])
    #expect(try StationRequest.arguments(for: "preview kit 3") == ["preview", "kit", "3", "--plain"])
    for refused in [
      "portal user add x --role owner", "datasets list --catalog /tmp/other", "datasets list --as owner",
      "grant kit --to user:me --permission preview --yes", "datasets show", "samples kit --limit 9999999",
      "preview kit 1 2", "search 'unterminated", "datasets list; rm -rf /", "tui", "session --user root",
      "datasets list --json --json", "", "sh -c id",
    ] {
      #expect(throws: PortalError.self, "\(refused)") { try StationRequest.arguments(for: refused) }
    }
  }

  @Test func aRefusalListsWhatIsAllowed() {
    #expect {
      try StationRequest.arguments(for: "user add x --role owner")
    } throws: { error in
      "\(error)".contains("datasets list [--json]") && "\(error)".contains("preview DATASET [SAMPLE] --plain")
    }
  }

  @Test func keyFilesMustHoldOnePublicKeyWithoutOptions() throws {
    let dir = try TemporaryDirectory("station-keys")
    defer { dir.remove() }
    let path = dir.appending("k").path
    let made = try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "rita@laptop", "-f", path])
    try #require(made.status == 0, "\(made.stderr)")
    let key = try StationKey.load(file: path + ".pub")
    #expect(key.type == "ssh-ed25519")
    let listed = try Shell.run("/usr/bin/ssh-keygen", ["-l", "-f", path + ".pub"])
    #expect(listed.stdout.contains(key.fingerprint))
    #expect(throws: PortalError.self) { try StationKey.load(file: path) }
    let line = try String(contentsOfFile: path + ".pub", encoding: .utf8)
    #expect(throws: PortalError.self) { try StationKey.parse("command=\"sh\" " + line) }
    #expect(throws: PortalError.self) { try StationKey.parse(line + line) }
    #expect(throws: PortalError.self) { try StationKey.parse("ssh-rsa " + key.blob) }
  }

  @Test func authorizedKeysLinesForceTheSessionAndAreRemovedAtomically() throws {
    let dir = try TemporaryDirectory("station-ak")
    defer { dir.remove() }
    var keys: [StationKey] = []
    for name in ["a", "b"] {
      let path = dir.appending(name).path
      _ = try Shell.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path])
      keys.append(try StationKey.load(file: path + ".pub"))
    }
    let file = AuthorizedKeys(path: dir.appending("home/.ssh/authorized_keys").path)
    try FileManager.default.createDirectory(at: dir.appending("home"), withIntermediateDirectories: true)
    try file.add(login: "rita", key: keys[0], portal: "/usr/bin/portal", catalog: "/srv/station")
    try file.add(login: "tomasz", key: keys[1], portal: "/usr/bin/portal", catalog: "/srv/station")
    #expect(throws: PortalError.self) {
      try file.add(login: "eve", key: keys[0], portal: "/usr/bin/portal", catalog: "/srv/station")
    }
    let text = try String(contentsOfFile: file.path, encoding: .utf8)
    #expect(
      text.hasPrefix(
        #"command="/usr/bin/portal session --user rita --catalog /srv/station",restrict,pty ssh-ed25519 "#))
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let dirAttributes = try FileManager.default.attributesOfItem(atPath: dir.appending("home/.ssh").path)
    #expect((dirAttributes[.posixPermissions] as? Int) == 0o700)
    #expect(try file.entries().map(\.login) == ["rita", "tomasz"])
    #expect(try file.remove(login: "rita") == 1)
    #expect(try file.entries().map(\.login) == ["tomasz"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appending("home/.ssh").path) == ["authorized_keys"])
    // A plain path with a space cannot be quoted safely inside command="…".
    #expect(throws: PortalError.self) {
      try file.add(login: "rita", key: keys[0], portal: "/usr/bin/portal", catalog: "/srv/my station")
    }
  }

  @Test func disablingAUserIsAuditedAndLocksTheForcedSessionOut() throws {
    let test = try TestCatalog("station-disable")
    defer { test.remove() }
    try test.owner.addUser(login: "rita", role: .reviewer)
    #expect(try test.owner.disableUser(login: "rita"))
    #expect(try test.owner.disableUser(login: "rita") == false)
    #expect(try test.catalog().auditEvents(AuditFilter(action: "user.disable")).map(\.targetID) == ["rita"])
    #expect(throws: PortalError.self) {
      try PortalSession.open(location: test.location, identity: .forcedCommand(login: "rita"))
    }
    #expect(throws: PortalError.self) { try test.owner.disableUser(login: test.owner.actor.login) }
  }

  @Test func onlyAnOwnerMarksAStationAndItIsRecordedOnce() throws {
    let test = try TestCatalog("station-mark")
    defer { test.remove() }
    // The mask is process-wide: put the test process's own back afterwards.
    let original = umask(0o022)
    umask(original)
    defer { umask(original) }
    try test.owner.addUser(login: "rita", role: .reviewer)
    let rita = try PortalSession.open(location: test.location, identity: .forcedCommand(login: "rita"))
    #expect(throws: PortalError.self) { try rita.markStation() }
    #expect(!test.owner.isStation)
    try test.owner.markStation()
    try test.owner.markStation()
    #expect(test.owner.isStation)
    #expect(try test.catalog().auditEvents(AuditFilter(action: "catalog.station")).count == 1)
    let mask = umask(0o022)
    umask(mask)
    #expect(mask == ReviewStation.groupUmask)
  }

  @Test func heartbeatsDoNotCountAsCatalogChangesButGovernanceDoes() throws {
    let test = try TestCatalog("station-quiet")
    defer { test.remove() }
    try test.owner.addUser(login: "leila", role: .reviewer)
    let leila = try PortalSession.open(location: test.location, identity: .forcedCommand(login: "leila"))
    let watcher = try test.owner.makeChangeWatcher()
    try leila.heartbeat()
    let before = try watcher.changeToken()
    // Other sessions' open screens re-query on every catalog change: a heartbeat is not one.
    for _ in 0..<3 { try leila.heartbeat() }
    leila.endPresence()
    #expect(try watcher.changeToken() == before)
    #expect(
      FileManager.default.fileExists(atPath: test.location.directory.appendingPathComponent("presence.sqlite").path))
    try test.owner.addUser(login: "tomasz", role: .reviewer)
    #expect(try watcher.changeToken() != before)
  }

  @Test func twoSessionsSeeEachOtherUntilOneGoesQuiet() throws {
    let test = try TestCatalog("station-presence")
    defer { test.remove() }
    for login in ["leila", "tomasz"] { try test.owner.addUser(login: login, role: .reviewer) }
    let leila = try PortalSession.open(location: test.location, identity: .forcedCommand(login: "leila"))
    let tomasz = try PortalSession.open(location: test.location, identity: .forcedCommand(login: "tomasz"))
    let now = Date()
    try leila.heartbeat(now: now)
    try tomasz.heartbeat(now: now)
    #expect(try leila.otherActiveLogins(now: now) == ["tomasz"])
    #expect(try tomasz.otherActiveLogins(now: now) == ["leila"])
    #expect(try leila.activeSessions(now: now).filter(\.isThisSession).map(\.login) == ["leila"])
    // Twenty seconds later only tomasz has said he is still here: leila's row is stale.
    let later = now.addingTimeInterval(20)
    try tomasz.heartbeat(now: later)
    #expect(try tomasz.otherActiveLogins(now: later).isEmpty)
    #expect(try test.catalog().presence(since: .distantPast).map(\.login) == ["tomasz"])
    tomasz.endPresence()
    #expect(try leila.activeSessions(now: later).isEmpty)
  }
}
