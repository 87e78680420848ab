import Foundation
import GRDB
import PortalCore
import PortalTesting
import Testing

@testable import PortalStore

struct AuditChainTests {
  func catalogWithEvents(_ count: Int) throws -> (Catalog, TemporaryDirectory) {
    let dir = try TemporaryDirectory("audit")
    let catalog = try Catalog(location: CatalogLocation(directory: dir.appending("c")), create: true)
    try catalog.write { db in
      for index in 0..<count {
        try AuditChain.append(
          AuditEvent(at: Date(), actor: "amara", action: "test.event", targetKind: "test", targetID: "\(index)"),
          in: db)
      }
    }
    return (catalog, dir)
  }

  /// Edits the database file with the real sqlite3 tool, as an attacker would.
  func sqlite3(_ path: String, _ sql: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [path, sql]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test func anUntouchedChainVerifies() throws {
    let (catalog, dir) = try catalogWithEvents(5)
    defer { dir.remove() }
    let result = try catalog.verifyAudit()
    #expect(result.isIntact)
    #expect(result.checked == 5)
  }

  @Test func thePortalCannotUpdateOrDeleteEvents() throws {
    let (catalog, dir) = try catalogWithEvents(2)
    defer { dir.remove() }
    #expect(throws: DatabaseError.self) {
      try catalog.write { try $0.execute(sql: "UPDATE audit_event SET actor = 'x'") }
    }
    #expect(throws: DatabaseError.self) {
      try catalog.write { try $0.execute(sql: "DELETE FROM audit_event") }
    }
  }

  @Test func aRowChangedWithTheSqliteToolIsDetected() throws {
    let (catalog, dir) = try catalogWithEvents(4)
    defer { dir.remove() }
    try sqlite3(
      catalog.location.databaseURL.path,
      "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET actor = 'mallory' WHERE id = 3;")
    let result = try catalog.verifyAudit()
    #expect(result.firstBroken?.id == 3)
    #expect(result.firstBroken?.reason.contains("changed") == true)
  }

  @Test func aDeletedRowIsDetected() throws {
    let (catalog, dir) = try catalogWithEvents(4)
    defer { dir.remove() }
    try sqlite3(
      catalog.location.databaseURL.path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 2;")
    let result = try catalog.verifyAudit()
    #expect(result.firstBroken?.id == 3)
    #expect(result.firstBroken?.reason.contains("missing") == true)
  }

  @Test func aDeletedTailIsDetected() throws {
    let (catalog, dir) = try catalogWithEvents(4)
    defer { dir.remove() }
    try sqlite3(
      catalog.location.databaseURL.path, "DROP TRIGGER audit_event_no_delete; DELETE FROM audit_event WHERE id = 4;")
    #expect(try catalog.verifyAudit().firstBroken?.id == 4)
  }
}
