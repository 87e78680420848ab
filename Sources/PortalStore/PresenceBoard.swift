import Foundation
import GRDB

/// Who has a catalog open, kept in `presence.sqlite` beside the catalog rather than in
/// it. Every TUI heartbeats every few seconds; in the catalog each heartbeat bumped
/// `data_version`, so every other open screen re-queried what it shows, and queued for
/// the catalog's durable write lock. Presence is ephemeral, so this file is written
/// without syncing and losing it loses nothing.
final class PresenceBoard: @unchecked Sendable {
  // @unchecked: `queue` is only touched under `lock`.
  private let location: CatalogLocation
  private let lock = NSLock()
  /// Opened at first use, so commands that never heartbeat create no file.
  private var queue: DatabaseQueue?

  init(location: CatalogLocation) {
    self.location = location
  }

  /// Says that a session is alive now; prunes rows silent since `staleBefore`.
  func touch(login: String, pid: Int32, host: String, startedAt: Date, now: Date, staleBefore: Date) throws {
    let queue = try connection()
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO session_presence(login, pid, host, started_at, seen_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(login, pid, host) DO UPDATE SET seen_at = excluded.seen_at
          """, arguments: [login, Int64(pid), host, startedAt, now])
      try db.execute(sql: "DELETE FROM session_presence WHERE seen_at < ?", arguments: [staleBefore])
    }
  }

  /// Removes one session's row.
  func clear(login: String, pid: Int32, host: String) throws {
    let queue = try connection()
    try queue.write { db in
      try db.execute(
        sql: "DELETE FROM session_presence WHERE login = ? AND pid = ? AND host = ?",
        arguments: [login, Int64(pid), host])
    }
  }

  /// Sessions seen at or after `since`, oldest first.
  func rows(since: Date) throws -> [PresenceRow] {
    let queue = try connection()
    return try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT login, pid, host, started_at, seen_at FROM session_presence
          WHERE seen_at >= ? ORDER BY started_at, login
          """, arguments: [since]
      ).map { row in
        PresenceRow(
          login: row["login"], pid: Int32(truncatingIfNeeded: row["pid"] as Int64), host: row["host"],
          startedAt: row["started_at"], seenAt: row["seen_at"])
      }
    }
  }

  /// The board's connection, opening (and creating) the file at first use.
  private func connection() throws -> DatabaseQueue {
    lock.lock()
    defer { lock.unlock() }
    if let queue { return queue }
    let opened = try Self.open(location)
    queue = opened
    return opened
  }

  private static func open(_ location: CatalogLocation) throws -> DatabaseQueue {
    let path = location.presenceURL.path
    // Created here, with the catalog's permissions (owner-only, or group-shared on a
    // station), before SQLite opens it: SQLite gives the -wal and -shm files the main
    // file's mode, whatever the creating process's umask.
    if !FileManager.default.fileExists(atPath: path) {
      let mode =
        (try? FileManager.default.attributesOfItem(atPath: location.databaseURL.path)[.posixPermissions])
        .flatMap { $0 as? Int }.map { mode_t($0) } ?? 0o600
      let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)
      if fd >= 0 {
        fchmod(fd, mode)
        close(fd)
      }
    }
    var config = Configuration()
    config.journalMode = .wal
    config.busyMode = .callback(BusyWait.callback)
    config.label = "portal.presence"
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF") }
    let queue = try DatabaseQueue(path: path, configuration: config)
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE TABLE IF NOT EXISTS session_presence (
            login TEXT NOT NULL,
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            started_at TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (login, pid, host)
          ) STRICT, WITHOUT ROWID;
          CREATE INDEX IF NOT EXISTS session_presence_on_seen ON session_presence(seen_at);
          """)
    }
    return queue
  }
}
