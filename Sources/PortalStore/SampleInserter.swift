import GRDB
import GRDBSQLite
import PortalCore

/// Inserts sample rows through SQLite's C binding calls on one prepared statement.
/// Imports write a row per JSONL record or CSV row — millions — and binding through
/// GRDB's `StatementArguments` boxed every value (measured: the bulk of an import's
/// database time); binding directly keeps the insert close to SQLite's own speed.
struct SampleInserter {
  private let statement: Statement

  init(_ db: Database) throws {
    statement = try db.cachedStatement(
      sql: """
        INSERT INTO sample (version_id, ordinal, file_id, byte_offset, byte_length, media_type, sha256,
                            duration_ms, width, height, language, excerpt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
  }

  /// Inserts `samples` into `version`, with `fileID` when given (else each sample's own).
  func insert(_ samples: [Sample], fileID: Int64?, version: Int64, db: Database) throws {
    let handle = statement.sqliteStatement
    for sample in samples {
      sqlite3_reset(handle)
      sqlite3_bind_int64(handle, 1, version)
      sqlite3_bind_int64(handle, 2, Int64(sample.ordinal))
      sqlite3_bind_int64(handle, 3, fileID ?? sample.fileID)
      sqlite3_bind_int64(handle, 4, sample.offset)
      sqlite3_bind_int64(handle, 5, sample.length)
      SQLiteBinding.text(handle, 6, sample.mediaType.rawValue)
      SQLiteBinding.text(handle, 7, sample.sha256)
      SQLiteBinding.int(handle, 8, sample.durationMillis)
      SQLiteBinding.int(handle, 9, sample.width.map(Int64.init))
      SQLiteBinding.int(handle, 10, sample.height.map(Int64.init))
      SQLiteBinding.text(handle, 11, sample.language)
      SQLiteBinding.text(handle, 12, sample.excerpt)
      try SQLiteBinding.step(handle, db: db)
    }
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
  }
}
