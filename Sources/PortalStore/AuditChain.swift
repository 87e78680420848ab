import Crypto
import Foundation
import GRDB
import PortalCore

/// Appends to and verifies the hash-chained audit log. Each event's hash covers the
/// previous event's hash and its own content, so editing or deleting any row breaks
/// the chain from that row on.
public enum AuditChain {
  /// The hash the first event chains from.
  public static let genesis = String(repeating: "0", count: 64)

  /// Appends `event` inside the caller's write transaction (which serialises
  /// appenders: two processes can never chain from the same predecessor).
  @discardableResult
  public static func append(_ event: AuditEvent, in db: Database) throws -> AuditEvent {
    var event = event
    // The database keeps whole milliseconds (truncating). Store the middle of the
    // millisecond so float error cannot tip it either way, and hash the nearest
    // millisecond: the hash then survives the round trip.
    let millis = (event.at.timeIntervalSince1970 * 1000).rounded(.down)
    event.at = Date(timeIntervalSince1970: (millis + 0.4) / 1000)
    event.previousHash =
      try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1"))
      ?? genesis
    event.hash = hash(of: event)
    try event.insert(db)
    try Catalog.setMeta("audit_head", event.hash, in: db)
    AuditAnchor.updateAfterCommit(in: db)
    return event
  }

  /// Hex SHA-256 of the event's canonical content.
  public static func hash(of event: AuditEvent) -> String {
    hex(SHA256.hash(data: Data(event.canonicalContent.utf8)))
  }

  /// Lower-case hex of `bytes` (String(format:) per byte is slow on Linux, and every
  /// audited write hashes).
  public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for byte in bytes {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The outcome of checking the whole chain.
  public struct Verification: Sendable, Equatable {
    /// How many events were checked.
    public var checked: Int
    /// The first event that does not chain, with why; nil when intact.
    public var firstBroken: (id: Int64, reason: String)?

    public var isIntact: Bool { firstBroken == nil }

    public static func == (lhs: Verification, rhs: Verification) -> Bool {
      lhs.checked == rhs.checked && lhs.firstBroken?.id == rhs.firstBroken?.id
        && lhs.firstBroken?.reason == rhs.firstBroken?.reason
    }
  }

  /// Walks the chain in order and names the first broken event.
  public static func verify(in db: Database) throws -> Verification {
    var previous = genesis
    var checked = 0
    var lastID: Int64 = 0
    let anchor = AuditAnchor.directory(of: db).flatMap(AuditAnchor.read(in:))
    var anchorMatched = false
    let cursor = try AuditEvent.order(Column("id")).fetchCursor(db)
    while let event = try cursor.next() {
      let id = event.id ?? 0
      checked += 1
      if let anchor, anchor.id == id {
        anchorMatched = anchor.hash == event.hash
      }
      if id != lastID + 1 {
        return Verification(
          checked: checked, firstBroken: (id, "events \(lastID + 1)…\(id - 1) are missing (deleted)"))
      }
      if event.previousHash != previous {
        return Verification(checked: checked, firstBroken: (id, "does not chain from the event before it"))
      }
      if hash(of: event) != event.hash {
        return Verification(checked: checked, firstBroken: (id, "its content was changed after it was written"))
      }
      previous = event.hash
      lastID = id
    }
    // A deleted tail leaves no gap to see; the catalog remembers the last hash too.
    if let head = try String.fetchOne(db, sql: "SELECT value FROM catalog_meta WHERE key = 'audit_head'"),
      head != previous
    {
      return Verification(
        checked: checked,
        firstBroken: (lastID + 1, "the newest events were deleted (the log ends before the recorded head)"))
    }
    // A rewrite of the whole chain (hashes recomputed) passes every check above; the
    // point recorded outside the database does not move with it.
    if let anchor {
      if anchor.id > lastID {
        return Verification(
          checked: checked,
          firstBroken: (
            lastID + 1,
            "the log ends before event \(anchor.id), which \(AuditAnchor.fileName) (kept outside the database) recorded: the newest events were deleted"
          ))
      }
      if !anchorMatched {
        return Verification(
          checked: checked,
          firstBroken: (
            anchor.id,
            "its hash differs from the one \(AuditAnchor.fileName) (kept outside the database) recorded: the log was rewritten, hashes and all"
          ))
      }
    }
    return Verification(checked: checked, firstBroken: nil)
  }
}
