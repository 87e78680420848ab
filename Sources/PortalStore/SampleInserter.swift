import GRDB
import GRDBSQLite
import PortalCore

/// Inserts sample rows through SQLite's C binding calls on prepared statements.
/// Imports write a row per JSONL record or CSV row — millions — and binding through
/// GRDB's `StatementArguments` boxed every value (measured: the bulk of an import's
/// database time); binding directly keeps the insert close to SQLite's own speed.
/// Rows go `rowsPerStatement` to a statement where there are enough, so SQLite starts
/// and finishes its program once per group rather than once per row.
///
/// `OR ROLLBACK`: a plain multi-row INSERT that may fail part-way makes SQLite keep a
/// statement journal — a copy of every page the statement touches, so its earlier rows
/// can be undone — spilled to a temporary file past 64 KB. For an import that was 4.4 GB
/// of temporary-file writes (270,000 16 KB pages for 1.2 M samples), as much kernel time
/// as the catalog's own writes. A batch is all or nothing anyway: any failure ends its
/// transaction and the import is abandoned, so rolling the transaction back loses nothing.
struct SampleInserter {
  static let rowsPerStatement = 32
  private static let columns = 12
  private let single: Statement
  private let group: Statement

  init(_ db: Database) throws {
    single = try db.cachedStatement(sql: Self.sql(rows: 1))
    group = try db.cachedStatement(sql: Self.sql(rows: Self.rowsPerStatement))
  }

  private static func sql(rows: Int) -> String {
    let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
    return """
      INSERT OR ROLLBACK INTO sample (version_id, ordinal, file_id, byte_offset, byte_length, media_type, sha256,
                          duration_ms, width, height, language, excerpt)
      VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
      """
  }

  /// Inserts `samples` into `version`, with `fileID` when given (else each sample's own).
  func insert(_ samples: [Sample], fileID: Int64?, version: Int64, db: Database) throws {
    try insert([(samples, fileID)], version: version, db: db)
  }

  /// Inserts the samples of several files in order, each group with its file's id
  /// (nil: each sample's own), `rowsPerStatement` rows to a statement across groups.
  /// Rows are bound from the callers' arrays where they lie: copying a `Sample` to set
  /// its file id retained and released each of its strings (measured: 0.3 s of CPU in
  /// a 1.2 M-sample import, on the writer thread that bounds it).
  func insert(_ groups: [(samples: [Sample], fileID: Int64?)], version: Int64, db: Database) throws {
    let total = groups.reduce(0) { $0 + $1.samples.count }
    let groupedRows = total / Self.rowsPerStatement * Self.rowsPerStatement
    let grouped = group.sqliteStatement
    let handle = single.sqliteStatement
    var row = 0
    sqlite3_reset(grouped)
    for (samples, fileID) in groups {
      try samples.withUnsafeBufferPointer { rows in
        // Through a pointer: a subscript would copy each `Sample` (retaining its strings).
        guard let first = rows.baseAddress else { return }
        for sample in rows.indices {
          if row < groupedRows {
            let slot = row % Self.rowsPerStatement
            bind(first + sample, at: Int32(slot * Self.columns), fileID: fileID, version: version, to: grouped)
            if slot == Self.rowsPerStatement - 1 {
              try SQLiteBinding.step(grouped, db: db)
              sqlite3_reset(grouped)
            }
          } else {
            sqlite3_reset(handle)
            bind(first + sample, at: 0, fileID: fileID, version: version, to: handle)
            try SQLiteBinding.step(handle, db: db)
          }
          row += 1
        }
      }
    }
    for statement in [grouped, handle] {
      sqlite3_reset(statement)
      sqlite3_clear_bindings(statement)
    }
  }

  private func bind(
    _ row: UnsafePointer<Sample>, at base: Int32, fileID: Int64?, version: Int64, to handle: OpaquePointer
  ) {
    sqlite3_bind_int64(handle, base + 1, version)
    sqlite3_bind_int64(handle, base + 2, Int64(row.pointee.ordinal))
    sqlite3_bind_int64(handle, base + 3, fileID ?? row.pointee.fileID)
    sqlite3_bind_int64(handle, base + 4, row.pointee.offset)
    sqlite3_bind_int64(handle, base + 5, row.pointee.length)
    SQLiteBinding.text(handle, base + 6, row.pointee.mediaType.rawValue)
    SQLiteBinding.text(handle, base + 7, row.pointee.sha256)
    SQLiteBinding.int(handle, base + 8, row.pointee.durationMillis)
    SQLiteBinding.int(handle, base + 9, row.pointee.width.map(Int64.init))
    SQLiteBinding.int(handle, base + 10, row.pointee.height.map(Int64.init))
    SQLiteBinding.text(handle, base + 11, row.pointee.language)
    SQLiteBinding.text(handle, base + 12, row.pointee.excerpt)
  }
}
