import Foundation
import Portal
import PortalTesting
import Testing

/// `--json` on every command that changes something: one parseable document on
/// standard output with a stable shape.
@Suite(.serialized)
struct JSONOutputTests {
  private func object(_ result: Shell.Result) throws -> [String: Any] {
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test func peopleGroupsAndAuditVerifyPrintJSON() throws {
    let catalog = try CLICatalog("json-people")
    defer { catalog.remove() }
    let added = try object(
      try PortalBinary.run(["user", "add", "rita", "--role", "reviewer", "--json"], home: catalog.home))
    #expect(added["login"] as? String == "rita" && added["role"] as? String == "reviewer")
    let role = try object(try PortalBinary.run(["user", "role", "rita", "steward", "--json"], home: catalog.home))
    #expect(role["role"] as? String == "steward")
    let group = try object(
      try PortalBinary.run(["group", "add", "lab:training", "--member", "rita", "--json"], home: catalog.home))
    #expect(group["members"] as? [String] == ["rita"])
    let member = try object(
      try PortalBinary.run(["group", "member", "lab:training", "--remove", "rita", "--json"], home: catalog.home))
    #expect(member["members"] as? [String] == [])
    let verify = try object(try PortalBinary.run(["audit", "verify", "--json"], home: catalog.home))
    #expect(verify["intact"] as? Bool == true && (verify["checked"] as? Int ?? 0) >= 4)
    #expect(verify.keys.contains("brokenEventID") && verify["brokenEventID"] is NSNull)
    let slug = try catalog.dataset("Kit")
    let removed = try object(try PortalBinary.run(["remove", slug, "--confirm", slug, "--json"], home: catalog.home))
    #expect(removed["removed"] as? String == slug)
  }

  @Test func bulkPlansHaveAFlatStableShape() throws {
    let catalog = try CLICatalog("json-bulk")
    defer { catalog.remove() }
    try catalog.ok(["user", "add", "rita", "--role", "reviewer"])
    let slug = try catalog.dataset("Kit")
    let tag = try object(
      try PortalBinary.run(["tag", slug, "--sensitivity", "restricted", "--yes", "--json"], home: catalog.home))
    let rows = try #require(tag["changes"] as? [[String: Any]])
    #expect(rows.count == 1)
    #expect(rows.first?["dataset"] as? String == slug)
    #expect(rows.first?["change"] as? String == "sensitivity")
    #expect(rows.first?["before"] as? String == "internal" && rows.first?["after"] as? String == "restricted")
    #expect(rows.first?["refused"] is NSNull && rows.first?["result"] as? String == "apply")
    #expect((tag["applied"] as? [String: Any])?["changes"] as? Int == 1)

    let grant = try object(
      try PortalBinary.run(
        ["grant", slug, "--to", "user:rita", "--permission", "preview", "--yes", "--json"], home: catalog.home))
    #expect((grant["changes"] as? [[String: Any]])?.first?["change"] as? String == "grant")

    // A refused plan: still one document, the reason in "refused", nothing applied.
    let publish = try PortalBinary.run(
      ["publish", slug, "--confirm-irreversible", "--yes", "--json"], home: catalog.home)
    #expect(publish.status != 0)
    let refused = try #require(try JSONSerialization.jsonObject(with: Data(publish.stdout.utf8)) as? [String: Any])
    #expect((refused["changes"] as? [[String: Any]])?.first?["refused"] is String)
    #expect(refused["applied"] is NSNull)
  }

  @Test func signoffRejectAndWithdrawPrintJSON() throws {
    let dir = try TemporaryDirectory("json-demo")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    _ = try DemoCatalog.build(at: CatalogLocation(directory: URL(fileURLWithPath: home, isDirectory: true)))
    let signoff = try object(
      try PortalBinary.run(
        ["signoff", "photo-and-illustration-library", "--note", "ok", "--as", "leila", "--json"], home: home))
    #expect(signoff["note"] as? String == "ok" && signoff["reviewerLogin"] as? String == "leila")
    let inbox = try PortalBinary.run(["requests", "--json", "--as", "amara"], home: home)
    let requests = try #require(try JSONSerialization.jsonObject(with: Data(inbox.stdout.utf8)) as? [[String: Any]])
    func id(by login: String) throws -> String {
      let row = try #require(requests.first { $0["requestedByLogin"] as? String == login })
      return String(try #require((row["request"] as? [String: Any])?["id"] as? Int))
    }
    let rejected = try object(
      try PortalBinary.run(
        ["reject", try id(by: "claire"), "--reason", "not yet", "--as", "amara", "--json"], home: home))
    #expect(rejected["state"] as? String == "rejected" && rejected["reason"] as? String == "not yet")
    let withdrawn = try object(
      try PortalBinary.run(["withdraw", try id(by: "eli"), "--as", "eli", "--json"], home: home))
    #expect(withdrawn["state"] as? String == "withdrawn")
  }
}
