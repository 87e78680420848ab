import GRDB
import GRDBSQLite

/// The C binding calls the inserters share.
enum SQLiteBinding {
  /// Binds `value` as text (SQLite copies it: SQLITE_TRANSIENT), its length given so
  /// SQLite need not measure it.
  static func text(_ handle: OpaquePointer, _ index: Int32, _ value: String) {
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    // A native string's bytes are read where they lie; `withUTF8` would need a copy of
    // the string (it is mutating), retained and released once per bound value.
    let bound: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
      guard let base = bytes.baseAddress else {
        _ = sqlite3_bind_text(handle, index, "", 0, transient)
        return
      }
      _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
      }
    }
    if bound != nil { return }
    var value = value
    value.withUTF8 { bytes in
      guard let base = bytes.baseAddress else {
        _ = sqlite3_bind_text(handle, index, "", 0, transient)
        return
      }
      _ = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
        sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
      }
    }
  }

  /// Binds `value` as text, or NULL.
  static func text(_ handle: OpaquePointer, _ index: Int32, _ value: String?) {
    if let value { text(handle, index, value) } else { sqlite3_bind_null(handle, index) }
  }

  /// Binds `value` as an integer, or NULL.
  static func int(_ handle: OpaquePointer, _ index: Int32, _ value: Int64?) {
    if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
  }

  /// Runs an INSERT; throws SQLite's error if it did not complete.
  static func step(_ handle: OpaquePointer, db: Database) throws {
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }
}
