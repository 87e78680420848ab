import Foundation
import Portal
import PortalTesting
import Testing

/// Governance through the real binary: identity, audit tampering, bulk confirmation.
struct GovernanceCommandLineTests {
  @Test func aRescanOfAPublicDatasetIsRefusedAndLeaksNothing() throws {
    let dir = try TemporaryDirectory("cli-frozen")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    _ = try DemoCatalog.build(at: CatalogLocation(directory: URL(fileURLWithPath: home, isDirectory: true)))
    let slug = "archive-catalogue-1904-2019"
    try Data("Reach the donor at 123-45-6789.\n".utf8).write(
      to: URL(fileURLWithPath: home + "/demo-data/archive-catalogue/donor-note.txt"))
    let rescan = try PortalBinary.run(["import", "--rescan", slug, "--as", "amara"], home: home)
    #expect(rescan.status != 0)
    #expect(rescan.stderr.contains("content is frozen"))
    #expect(rescan.stderr.contains("import the changed files as a new dataset"))
    let clean = try PortalBinary.run(["clean", slug, "--steps", "pii", "--as", "amara"], home: home)
    #expect(clean.status != 0 && clean.stderr.contains("content is frozen"))
    let search = try PortalBinary.run(["search", "123-45-6789", "--as", "eli", "--json"], home: home)
    #expect(search.status == 0)
    #expect(!search.stdout.contains(slug))
  }

  @Test func environmentVariablesDoNotChangeWhoYouAre() throws {
    let catalog = try CLICatalog("cli-identity")
    defer { catalog.remove() }
    try catalog.ok(["user", "add", "someone", "--role", "viewer"])
    let slug = try catalog.dataset("Kit")
    // As the OS account (the owner) despite USER/LOGNAME naming a viewer.
    let edit = try catalog.ok(
      ["edit", slug, "--description", "still me"], extra: ["USER": "someone", "LOGNAME": "someone"])
    #expect(edit.stdout.contains("Updated"))
    let events = try catalog.ok(["audit", "list", "--action", "dataset.edit", "--json"])
    #expect(!events.stdout.contains("\"someone\""))
    let me = try Shell.run("/usr/bin/id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(events.stdout.contains("\"actor\" : \"\(me)\""))
    let pretend = try PortalBinary.run(["datasets", "list", "--as", "someone"], home: catalog.home)
    #expect(pretend.status != 0)
    #expect(pretend.stderr.contains("--as only works in a demo catalog"))
  }

  @Test func auditVerifyNamesATamperedAndADeletedEvent() throws {
    let catalog = try CLICatalog("cli-tamper")
    defer { catalog.remove() }
    let slug = try catalog.dataset("Kit")
    for tag in ["a", "b", "c"] { try catalog.ok(["tag", slug, "--tag-add", tag, "--yes"]) }
    #expect(try catalog.ok(["audit", "verify"]).stdout.contains("intact"))
    try catalog.sqlite3("DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor = 'mallory' WHERE id = 3;")
    let tampered = try PortalBinary.run(["audit", "verify"], home: catalog.home)
    #expect(tampered.status != 0)
    #expect(tampered.stdout.contains("BROKEN at event 3"))
    #expect(tampered.stdout.contains("changed"))

    let other = try CLICatalog("cli-delete")
    defer { other.remove() }
    let kit = try other.dataset("Kit")
    for tag in ["a", "b", "c"] { try other.ok(["tag", kit, "--tag-add", tag, "--yes"]) }
    try other.sqlite3("DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 2;")
    let deleted = try PortalBinary.run(["audit", "verify"], home: other.home)
    #expect(deleted.status != 0)
    #expect(deleted.stdout.contains("BROKEN at event 3"))
    #expect(deleted.stdout.contains("missing"))
  }

  @Test func bulkCommandsWithoutATerminalOrYesPrintThePlanAndChangeNothing() throws {
    let catalog = try CLICatalog("cli-bulk")
    defer { catalog.remove() }
    let a = try catalog.dataset("Alpha")
    let b = try catalog.dataset("Beta")
    let before = try catalog.ok(["audit", "list", "--json"]).stdout.components(separatedBy: "\"hash\"").count
    let dry = try PortalBinary.run(
      ["tag", a, b, "--sensitivity", "confidential", "--tag-add", "news"], home: catalog.home)
    #expect(dry.status != 0)
    #expect(dry.stderr.contains("add --yes"))
    #expect(dry.stdout.contains("internal") && dry.stdout.contains("confidential"))
    #expect(try catalog.ok(["audit", "list", "--json"]).stdout.components(separatedBy: "\"hash\"").count == before)
    let applied = try catalog.ok(["tag", a, b, "--sensitivity", "confidential", "--tag-add", "news", "--yes"])
    #expect(applied.stdout.contains("Applied 4 change(s) to 2 dataset(s)"))
    let list = try catalog.ok(["datasets", "list", "--sensitivity", "confidential", "--json"])
    #expect(list.stdout.contains(a) && list.stdout.contains(b))
    let grant = try PortalBinary.run(
      ["grant", a, "--to", "lab:nowhere", "--permission", "train", "--yes"], home: catalog.home)
    #expect(grant.status != 0)
    #expect(grant.stderr.contains("no lab team 'lab:nowhere'"))
  }

  @Test func publishCheckPrintsEveryItemAndPublishRefusesUntilItPasses() throws {
    let catalog = try CLICatalog("cli-publish")
    defer { catalog.remove() }
    let slug = try catalog.dataset("Kit")
    let check = try PortalBinary.run(["publish", "--check", slug], home: catalog.home)
    #expect(check.status != 0)
    #expect(check.stdout.contains("[ ] PII scan: no PII scan of version 1 — run `portal clean kit --steps pii`"))
    let refused = try PortalBinary.run(["publish", slug, "--confirm-irreversible", "--yes"], home: catalog.home)
    #expect(refused.status != 0)
    #expect(refused.stdout.contains("REFUSED"))
    #expect(try catalog.ok(["datasets", "show", slug]).stdout.contains("private"))
  }
}
