import Foundation
import GRDB
import PortalTesting
import Testing

@testable import PortalStore

/// Writers from several processes take turns on one catalog: a write that meets
/// another connection's lock waits for it (polling briefly) instead of failing.
struct WriteLockWaitTests {
  @Test func aWriteWaitsForAnotherConnectionsLockAndThenSucceeds() throws {
    let dir = try TemporaryDirectory("lock-wait")
    defer { dir.remove() }
    let location = CatalogLocation(directory: dir.appending("c"))
    let catalog = try Catalog(location: location, create: true)
    // A second connection, as another process would have, holds the write lock.
    let other = try DatabaseQueue(path: location.databaseURL.path)
    let held = 0.3  // how long the other writer works: workload, not synchronisation
    let locked = DispatchSemaphore(value: 0)
    let release = Thread {
      try? other.writeWithoutTransaction { db in
        try db.execute(sql: "BEGIN IMMEDIATE")
        locked.signal()
        Thread.sleep(forTimeInterval: held)
        try db.execute(sql: "COMMIT")
      }
    }
    release.start()
    locked.wait()
    let start = Date()
    try catalog.write { try $0.execute(sql: "INSERT INTO catalog_meta(key, value) VALUES ('lock-test', '1')") }
    let waited = Date().timeIntervalSince(start)
    #expect(waited >= held * 0.5, "the write did not wait for the lock (\(waited) s)")
    #expect(try catalog.meta("lock-test") == "1")
  }

  @Test func theBusyWaitGivesUpAfterItsLimitAndNotBefore() {
    let triesInLimit = Int(BusyWait.limit / 0.002)
    #expect(BusyWait.callback(1))
    #expect(BusyWait.callback(triesInLimit - 1))
    #expect(!BusyWait.callback(triesInLimit))
  }
}
