import Foundation
import GRDB
import Synchronization

/// The newest audit event's id and hash, kept OUTSIDE the database in an owner-only
/// file beside it (`audit-anchor`). Someone with the sqlite3 tool can rewrite the
/// whole chain — every hash recomputed, `audit_head` too — and it verifies again; the
/// anchor is what such a rewrite cannot reach from inside the database.
///
/// It is written after each commit that appended an event (a crash in between leaves
/// it one step behind, never ahead), and two processes may race to write it, so
/// verification treats it as a point the chain must pass through: the event with the
/// anchor's id must exist and carry the anchor's hash.
public enum AuditAnchor {
  /// The file's name in the catalog directory.
  public static let fileName = "audit-anchor"

  /// One recorded point of the chain.
  public struct Point: Sendable, Equatable {
    public var id: Int64
    public var hash: String
  }

  /// Connections with an anchor update already registered for their open transaction
  /// (a bulk change appends many events; one file write at commit is enough).
  private static let pending = Mutex<Set<ObjectIdentifier>>([])

  /// Arranges for the anchor to be rewritten when the current transaction commits.
  static func updateAfterCommit(in db: Database) {
    let key = ObjectIdentifier(db)
    guard pending.withLock({ $0.insert(key).inserted }) else { return }
    db.afterNextTransaction(
      onCommit: { db in
        pending.withLock { _ = $0.remove(key) }
        guard let directory = directory(of: db),
          let row = try? Row.fetchOne(db, sql: "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
        else { return }
        write(Point(id: row["id"], hash: row["hash"]), in: directory)
      },
      onRollback: { _ in pending.withLock { _ = $0.remove(key) } })
  }

  /// The recorded point, if the file exists and can be read.
  static func read(in directory: URL) -> Point? {
    guard let text = try? String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8) else {
      return nil
    }
    let parts = text.split(whereSeparator: \.isWhitespace)
    guard parts.count == 2, let id = Int64(parts[0]), parts[1].count == 64 else { return nil }
    return Point(id: id, hash: String(parts[1]))
  }

  /// The directory of the database file `db` is connected to.
  static func directory(of db: Database) -> URL? {
    guard let file = try? String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'"),
      !file.isEmpty
    else { return nil }
    return URL(fileURLWithPath: file).deletingLastPathComponent()
  }

  /// Writes the file atomically (temporary file, then rename) with the database file's
  /// permissions (owner-only; owner and group on a review station). Failing to
  /// (another OS account sharing the catalog may not write the owner's file) only
  /// leaves the anchor behind, which verification tolerates.
  private static func write(_ point: Point, in directory: URL) {
    let target = directory.appendingPathComponent(fileName).path
    let temporary = target + ".\(getpid()).tmp"
    let text = "\(point.id) \(point.hash)\n"
    var database = stat()
    let mode =
      stat(directory.appendingPathComponent("catalog.sqlite").path, &database) == 0
      ? mode_t(database.st_mode & 0o660) : 0o600
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { return }
    // open() applies the umask; the mode must match the database's exactly.
    fchmod(fd, mode)
    let written = text.utf8CString.withUnsafeBufferPointer { buffer in
      Foundation.write(fd, buffer.baseAddress, buffer.count - 1)
    }
    close(fd)
    guard written == text.utf8.count, rename(temporary, target) == 0 else {
      unlink(temporary)
      return
    }
  }
}
