import Foundation
import GRDB
import PortalCore

// MARK: - Review stations: the station marker, disabling users, who is active

extension Catalog {
  /// Marks the catalog as a shared review station (`station=1` in `catalog_meta`), with
  /// its audit event in the same transaction. Idempotent: a second call records nothing.
  @discardableResult
  public func markStation(audit: AuditEvent) throws -> Bool {
    try write { db in
      let current = try String.fetchOne(db, sql: "SELECT value FROM catalog_meta WHERE key = 'station'")
      guard current != "1" else { return false }
      try Self.setMeta("station", "1", in: db)
      try AuditChain.append(audit, in: db)
      return true
    }
  }

  /// Disables a user (sets `disabled_at`); refuses to disable the last enabled owner.
  /// False (and no event) when the user was already disabled.
  @discardableResult
  public func disableUser(userID: Int64, at date: Date, audit: AuditEvent) throws -> Bool {
    try updateUser(userID, audit: audit) { user, db in
      guard user.disabledAt == nil else { return false }
      if user.role == .owner { try Self.refuseLastOwner(user, in: db) }
      user.disabledAt = date
      return true
    }.changed
  }

  /// Lets a disabled user act again. False (and no event) when the user was not disabled.
  @discardableResult
  public func enableUser(userID: Int64, audit: AuditEvent) throws -> Bool {
    try updateUser(userID, audit: audit) { user, _ in
      guard user.disabledAt != nil else { return false }
      user.disabledAt = nil
      return true
    }.changed
  }

  /// Records that a session (login, process, host) is alive now and prunes rows not
  /// refreshed since `staleBefore`. Not audited: presence is not governance state, and
  /// not in the catalog file (see `PresenceBoard`).
  public func touchPresence(login: String, pid: Int32, host: String, startedAt: Date, now: Date, staleBefore: Date)
    throws
  {
    try presenceBoard.touch(
      login: login, pid: pid, host: host, startedAt: startedAt, now: now, staleBefore: staleBefore)
  }

  /// Removes a session's presence row (when it ends cleanly).
  public func clearPresence(login: String, pid: Int32, host: String) throws {
    try presenceBoard.clear(login: login, pid: pid, host: host)
  }

  /// Sessions seen at or after `since`, oldest first.
  public func presence(since: Date) throws -> [PresenceRow] {
    try presenceBoard.rows(since: since)
  }
}

/// One live session's row in `session_presence`.
public struct PresenceRow: Sendable, Equatable {
  /// The portal login.
  public var login: String
  /// The process id of the session.
  public var pid: Int32
  /// The host the session runs on.
  public var host: String
  /// When the session started.
  public var startedAt: Date
  /// When the session last said it was alive.
  public var seenAt: Date

  /// Creates a row.
  public init(login: String, pid: Int32, host: String, startedAt: Date, seenAt: Date) {
    self.login = login
    self.pid = pid
    self.host = host
    self.startedAt = startedAt
    self.seenAt = seenAt
  }
}
