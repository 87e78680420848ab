import CSQLiteTuning
import Foundation
import GRDB
import Synchronization

/// The catalog database: one `Sendable` value owning the connection pool. Every write
/// is a named method running one invariant-preserving transaction (GRDB's
/// "AppDatabase" pattern); reads go through `read`.
public struct Catalog: Sendable {
  /// The pool: WAL, readers in parallel with one writer.
  let writer: DatabasePool
  public let location: CatalogLocation
  /// Who has this catalog open (in a file of its own).
  let presenceBoard: PresenceBoard

  /// Opens (and migrates) the catalog at `location`, creating it when `create` is set.
  public init(location: CatalogLocation, create: Bool = false) throws {
    _ = Self.sqliteTuned
    if !location.exists && !create { throw StoreError.notACatalog(path: location.directory.path) }
    try location.prepare()
    self.location = location
    presenceBoard = PresenceBoard(location: location)
    var config = Configuration()
    config.foreignKeysEnabled = true
    // GRDB fails at once on SQLITE_BUSY by default; several sessions and a worker
    // share the file, so wait instead. Writers poll briefly (see BusyWait: SQLite's own
    // timeout sleeps up to 100 ms a step, which tripled the p99 write latency under
    // eight processes); readers, which only meet a lock during recovery, use the plain
    // timeout.
    config.busyMode = .callback(BusyWait.callback)
    let path = location.databaseURL.path
    let isNew = !FileManager.default.fileExists(atPath: path)
    config.prepareDatabase { db in
      // A new catalog gets 16 KB pages (set before its first table; an existing file
      // keeps its size): bulk imports write a quarter of the pages and syscalls
      // (measured: 1.2 M sample rows written in 1.34 s instead of 1.84-2.16 s, the
      // excerpt index built 17 % faster).
      if isNew { try db.execute(sql: "PRAGMA page_size = 16384") }
      try db.execute(sql: "PRAGMA synchronous = FULL")
      if db.configuration.readonly {
        try db.execute(sql: "PRAGMA busy_timeout = \(Int(BusyWait.limit * 1000))")
      }
    }
    do {
      writer = try DatabasePool(path: path, configuration: config)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError.notACatalog(path: path)
    }
    if isNew { chmod(path, 0o600) }
    // GRDB 7.10 resets the writer to synchronous=NORMAL after prepareDatabase in WAL
    // mode; durable commits need FULL, so set it again on the writer connection.
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA synchronous = FULL")
    }
    do {
      let migrator = CatalogMigrations.migrator
      if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
        throw StoreError.newerSchema(path: path)
      }
      try migrator.migrate(writer)
    } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
      throw StoreError.notACatalog(path: path)
    }
  }

  /// Process-wide SQLite settings, applied once before the first connection opens.
  private static let sqliteTuned: Bool = portal_sqlite_disable_memstatus() == 0

  /// Reads in a snapshot.
  public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
    try writer.read(body)
  }

  /// Writes in one `BEGIN IMMEDIATE` transaction.
  public func write<T: Sendable>(
    _ body: @Sendable (Database) throws -> T, caller: StaticString = #function
  ) throws -> T {
    let timings = WriteTimings.shared
    guard timings.isOn else { return try writer.write(body) }
    let start = ContinuousClock.now
    let marks = Mutex<WriteTimings.Marks>(WriteTimings.Marks())
    defer { timings.record(since: start, marks.withLock { $0 }, caller: caller) }
    return try writer.write { db in
      marks.withLock { $0.locked = ContinuousClock.now }
      defer { marks.withLock { $0.bodyDone = ContinuousClock.now } }
      return try body(db)
    }
  }

  /// Writes a batch of a staging version in one `BEGIN IMMEDIATE` transaction with
  /// foreign-key checks off: two index lookups per sample row that cannot fail here
  /// (measured: 11 % of an import's database time). Every row such a batch inserts
  /// refers to the staging version, whose existence the batch checks first inside the
  /// same transaction (`renewLease`), and to files that version links in `version_file`
  /// (inserted by this batch, an earlier one, or the parent version a rescan reuses), so
  /// no other writer can have removed them. Batches only insert, so no cascade is skipped.
  func writeStaging<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws -> T {
    try writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
      // A staging batch need not reach the disk on its own: nobody sees it until the
      // publishing transaction, whose FULL commit syncs the whole WAL, these batches'
      // pages included. If the machine stops first, the staging version is rolled back
      // or collected as abandoned, and the import runs again. Syncing every batch kept
      // the import's only writer waiting on the disk about 230 times a 1 GB import.
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
      defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
      var result: T?
      try db.inTransaction(.immediate) {
        result = try body(db)
        return .commit
      }
      guard let result else { throw StoreError.conflict("a staging write produced no result; run the import again") }
      return result
    }
  }

  /// The writer's `synchronous` setting (2 = FULL), for tests that check durability.
  public func writerSynchronous() throws -> Int {
    try writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") ?? -1 }
  }

  /// Folds the WAL back into the database file; called when idle to bound the WAL.
  public func checkpoint() throws {
    try writer.writeWithoutTransaction { db in
      _ = try db.checkpoint(.truncate)
    }
  }

  /// `PRAGMA integrity_check` → "ok" when the file is sound.
  public func integrityCheck() throws -> String {
    try writer.read { db in
      try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ")
    }
  }
}
