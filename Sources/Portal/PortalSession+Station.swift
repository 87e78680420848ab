import Foundation
import PortalCore
import PortalStore

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Review stations: one catalog shared by many reviewers over SSH

extension PortalSession {
  /// Whether this catalog is a review station (`portal station init` marked it).
  public var isStation: Bool { (try? catalog.meta("station")) == "1" }

  /// Marks the catalog as a review station (owners only; audited once).
  public func markStation() throws {
    try authorize(.manageUsers)
    try wrap {
      try catalog.markStation(
        audit: event("catalog.station", target: "catalog", location.directory.path, after: #"{"station":"1"}"#))
    }
    ReviewStation.useGroupUmask()
  }

  /// Disables a user: they keep their history but can no longer act (owners only;
  /// the last owner cannot be disabled). False when the user was already disabled.
  @discardableResult
  public func disableUser(login: String) throws -> Bool {
    try authorize(.manageUsers)
    guard let user = try wrap({ try catalog.user(login: login) }), let id = user.id else {
      throw PortalError.invalidArgument("no user '\(login)' in this catalog (see `portal user list`)")
    }
    return try wrap {
      try catalog.disableUser(userID: id, at: Date(), audit: event("user.disable", target: "user", login))
    }
  }

  /// Lets a disabled user act again (owners only). Their SSH keys stay removed: add a
  /// key again with `station add-user`. False when the user was not disabled.
  @discardableResult
  public func enableUser(login: String) throws -> Bool {
    try authorize(.manageUsers)
    guard let user = try wrap({ try catalog.user(login: login) }), let id = user.id else {
      throw PortalError.invalidArgument("no user '\(login)' in this catalog (see `portal user list`)")
    }
    return try wrap { try catalog.enableUser(userID: id, audit: event("user.enable", target: "user", login)) }
  }

  // MARK: Presence

  /// How long a session counts as active after its last heartbeat.
  public static let presenceLifetime: TimeInterval = 15

  /// Says this session is alive (the TUI calls it every few seconds) and prunes sessions
  /// silent for longer than ``presenceLifetime``. Throws `PortalError.accountDisabled`
  /// when the account was disabled meanwhile: the session should end.
  public func heartbeat(now: Date = Date()) throws {
    _ = try currentActor()  // throws `accountDisabled` once an owner disabled this account
    try wrap {
      try catalog.touchPresence(
        login: actor.login, pid: getpid(), host: ReviewStation.hostName, startedAt: startedAt, now: now,
        staleBefore: now.addingTimeInterval(-Self.presenceLifetime))
    }
  }

  /// Removes this session's presence (when the TUI closes).
  public func endPresence() {
    try? catalog.clearPresence(login: actor.login, pid: getpid(), host: ReviewStation.hostName)
  }

  /// Sessions active on this catalog in the last ``presenceLifetime`` seconds, this one
  /// included (compare `pid`/`host` or the login to leave it out).
  public func activeSessions(now: Date = Date()) throws -> [ActiveSession] {
    try wrap { try catalog.presence(since: now.addingTimeInterval(-Self.presenceLifetime)) }.map {
      ActiveSession(
        login: $0.login, pid: $0.pid, host: $0.host, startedAt: $0.startedAt, seenAt: $0.seenAt,
        isThisSession: $0.pid == getpid() && $0.host == ReviewStation.hostName && $0.login == actor.login)
    }
  }

  /// The logins of the other people active now, each once, in order of arrival.
  public func otherActiveLogins(now: Date = Date()) throws -> [String] {
    var seen: Set<String> = [actor.login]
    return try activeSessions(now: now).compactMap { session in
      seen.insert(session.login).inserted ? session.login : nil
    }
  }
}

/// A session that said recently that it is alive.
public struct ActiveSession: Sendable, Equatable {
  /// The portal login.
  public var login: String
  /// Its process id.
  public var pid: Int32
  /// Its host.
  public var host: String
  /// When it started.
  public var startedAt: Date
  /// Its last heartbeat.
  public var seenAt: Date
  /// Whether it is the session asking.
  public var isThisSession: Bool
}
