import GRDB
import GRDBSQLite
import PortalCore

/// Inserts `source_file` rows and their `version_file` links through SQLite's C binding
/// calls, like `SampleInserter`: an import of small files writes one of each per file
/// (200,000 in the import benchmark), and GRDB's boxed arguments cost as much as the
/// inserts themselves.
struct FileInserter {
  private let file: Statement
  private let link: Statement

  init(_ db: Database) throws {
    file = try db.cachedStatement(
      sql: """
        INSERT INTO source_file (dataset_id, root, relative_path, size, mtime_ns, sha256, media_type)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO version_file (version_id, file_id) VALUES (?, ?)")
  }

  /// Inserts `source` as a file of `datasetID` seen by `versionID`; returns its id.
  func insert(_ source: SourceFile, datasetID: Int64, versionID: Int64, db: Database) throws -> Int64 {
    let handle = file.sqliteStatement
    sqlite3_reset(handle)
    sqlite3_bind_int64(handle, 1, datasetID)
    SQLiteBinding.text(handle, 2, source.root)
    SQLiteBinding.text(handle, 3, source.relativePath)
    sqlite3_bind_int64(handle, 4, source.size)
    sqlite3_bind_int64(handle, 5, source.mtimeNanos)
    SQLiteBinding.text(handle, 6, source.sha256)
    SQLiteBinding.text(handle, 7, source.mediaType.rawValue)
    try SQLiteBinding.step(handle, db: db)
    let id = sqlite3_last_insert_rowid(db.sqliteConnection)
    try self.link(fileID: id, versionID: versionID, db: db)
    return id
  }

  /// Records that `versionID` saw the (existing) file `fileID`.
  func link(fileID: Int64, versionID: Int64, db: Database) throws {
    let handle = link.sqliteStatement
    sqlite3_reset(handle)
    sqlite3_bind_int64(handle, 1, versionID)
    sqlite3_bind_int64(handle, 2, fileID)
    try SQLiteBinding.step(handle, db: db)
  }
}
