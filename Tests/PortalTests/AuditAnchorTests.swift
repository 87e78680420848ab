import Foundation
import GRDB
import Portal
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// The audit head kept outside the database (`audit-anchor`) catches what the chain
/// alone cannot: the whole log rewritten with every hash recomputed.
struct AuditAnchorTests {
  private func anchor(_ test: TestCatalog) throws -> String {
    try String(contentsOf: test.location.directory.appendingPathComponent(AuditAnchor.fileName), encoding: .utf8)
  }

  /// What someone with the sqlite3 tool and the hashing rule can do: change event 2
  /// and recompute every hash after it, and the recorded head.
  private func rewriteChain(_ test: TestCatalog) throws {
    try test.catalog().write { db in
      try db.execute(sql: "DROP TRIGGER audit_event_no_update")
      try db.execute(sql: "UPDATE audit_event SET actor = 'mallory' WHERE id = 2")
      var previous = AuditChain.genesis
      for var event in try AuditEvent.order(Column("id")).fetchAll(db) {
        event.previousHash = previous
        event.hash = AuditChain.hash(of: event)
        try db.execute(
          sql: "UPDATE audit_event SET previous_hash = ?, hash = ? WHERE id = ?",
          arguments: [event.previousHash, event.hash, event.id])
        previous = event.hash
      }
      try db.execute(sql: "UPDATE catalog_meta SET value = ? WHERE key = 'audit_head'", arguments: [previous])
    }
  }

  @Test func theAnchorFollowsEveryAuditedCommitAndHasTheDatabasesPermissions() throws {
    let test = try TestCatalog("anchor-follows")
    defer { test.remove() }
    try test.owner.addUser(login: "rita", role: .reviewer)
    let count = try test.owner.auditEventCount()
    let head = try #require(try test.owner.auditEvents(limit: 1).last?.hash)
    #expect(try anchor(test) == "\(count) \(head)\n")
    try test.owner.addGroup(name: "legal", kind: .partner, members: ["rita"])
    #expect(try anchor(test).hasPrefix("\(try test.owner.auditEventCount()) "))
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: test.location.directory.appendingPathComponent(AuditAnchor.fileName).path)[.posixPermissions] as? Int
    #expect(mode == 0o600, "owner-only, like catalog.sqlite outside a review station")
  }

  @Test func aRewrittenChainWithRecomputedHashesIsDetected() throws {
    let test = try TestCatalog("anchor-rewrite")
    defer { test.remove() }
    for login in ["rita", "vic", "stella"] { try test.owner.addUser(login: login, role: .viewer) }
    #expect(try test.owner.verifyAudit().brokenEventID == nil)
    try rewriteChain(test)
    let result = try test.owner.verifyAudit()
    #expect(result.brokenEventID == Int64(try test.owner.auditEventCount()))
    #expect(result.reason?.contains("kept outside the database") == true)
    // Without the anchor the same rewrite verifies: the anchor is what catches it.
    try FileManager.default.removeItem(at: test.location.directory.appendingPathComponent(AuditAnchor.fileName))
    #expect(try test.owner.verifyAudit().brokenEventID == nil)
  }

  @Test func aDeletedTailWithItsHeadRewrittenIsDetected() throws {
    let test = try TestCatalog("anchor-tail")
    defer { test.remove() }
    for login in ["rita", "vic"] { try test.owner.addUser(login: login, role: .viewer) }
    let count = try test.owner.auditEventCount()
    try test.catalog().write { db in
      try db.execute(sql: "DROP TRIGGER audit_event_no_delete")
      try db.execute(sql: "DELETE FROM audit_event WHERE id = ?", arguments: [count])
      let head = try String.fetchOne(db, sql: "SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1") ?? ""
      try db.execute(sql: "UPDATE catalog_meta SET value = ? WHERE key = 'audit_head'", arguments: [head])
    }
    let result = try test.owner.verifyAudit()
    #expect(result.brokenEventID == Int64(count))
    #expect(result.reason?.contains("newest events were deleted") == true)
  }
}
