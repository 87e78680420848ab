import GRDB
import GRDBSQLite
import PortalCore

/// Inserts `source_file` rows and their `version_file` links through SQLite's C binding
/// calls, like `SampleInserter`: an import of small files writes one of each per file
/// (200,000 in the import benchmark), and GRDB's boxed arguments cost as much as the
/// inserts themselves. Rows go `rowsPerStatement` to a statement where there are enough.
struct FileInserter {
  static let rowsPerStatement = 32
  private let file: Statement
  private let files: Statement
  private let link: Statement
  private let links: Statement

  init(_ db: Database) throws {
    // OR ROLLBACK (as in SampleInserter): no statement journal for a multi-row INSERT.
    let fileSQL = """
      INSERT OR ROLLBACK INTO source_file (dataset_id, root, relative_path, size, mtime_ns, sha256, media_type) VALUES
      """
    let fileRow = "(?, ?, ?, ?, ?, ?, ?)"
    file = try db.cachedStatement(sql: fileSQL + fileRow)
    files = try db.cachedStatement(
      sql: fileSQL + Array(repeating: fileRow, count: Self.rowsPerStatement).joined(separator: ", "))
    let linkSQL = "INSERT OR IGNORE INTO version_file (version_id, file_id) VALUES "
    link = try db.cachedStatement(sql: linkSQL + "(?, ?)")
    links = try db.cachedStatement(
      sql: linkSQL + Array(repeating: "(?, ?)", count: Self.rowsPerStatement).joined(separator: ", "))
  }

  /// Inserts `sources` as files of `datasetID` seen by `versionID`; returns their ids in
  /// order. A multi-row INSERT gives consecutive rowids (each row takes the largest
  /// rowid plus one, and this transaction is the only writer), so the ids of a group are
  /// the last inserted id and the ones before it.
  func insert(_ sources: [SourceFile], datasetID: Int64, versionID: Int64, db: Database) throws -> [Int64] {
    var ids: [Int64] = []
    ids.reserveCapacity(sources.count)
    var index = 0
    while index < sources.count {
      let count = sources.count - index >= Self.rowsPerStatement ? Self.rowsPerStatement : 1
      let handle = (count == 1 ? file : files).sqliteStatement
      sqlite3_reset(handle)
      for row in 0..<count {
        bind(sources[index + row], at: Int32(row * 7), datasetID: datasetID, to: handle)
      }
      try SQLiteBinding.step(handle, db: db)
      let last = sqlite3_last_insert_rowid(db.sqliteConnection)
      ids += (0..<Int64(count)).map { last - Int64(count) + 1 + $0 }
      index += count
    }
    try self.link(ids, versionID: versionID, db: db)
    return ids
  }

  /// Records that `versionID` saw the (existing) files `fileIDs`.
  func link(_ fileIDs: [Int64], versionID: Int64, db: Database) throws {
    var index = 0
    while index < fileIDs.count {
      let count = fileIDs.count - index >= Self.rowsPerStatement ? Self.rowsPerStatement : 1
      let handle = (count == 1 ? link : links).sqliteStatement
      sqlite3_reset(handle)
      for row in 0..<count {
        sqlite3_bind_int64(handle, Int32(row * 2 + 1), versionID)
        sqlite3_bind_int64(handle, Int32(row * 2 + 2), fileIDs[index + row])
      }
      try SQLiteBinding.step(handle, db: db)
      index += count
    }
  }

  private func bind(_ source: SourceFile, at base: Int32, datasetID: Int64, to handle: OpaquePointer) {
    sqlite3_bind_int64(handle, base + 1, datasetID)
    SQLiteBinding.text(handle, base + 2, source.root)
    SQLiteBinding.text(handle, base + 3, source.relativePath)
    sqlite3_bind_int64(handle, base + 4, source.size)
    sqlite3_bind_int64(handle, base + 5, source.mtimeNanos)
    SQLiteBinding.text(handle, base + 6, source.sha256)
    SQLiteBinding.text(handle, base + 7, source.mediaType.rawValue)
  }
}
