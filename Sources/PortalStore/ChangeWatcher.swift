import Foundation
import GRDB

/// Tells whether another connection changed the catalog, by `PRAGMA data_version`.
///
/// `data_version` values are only comparable when read on the same connection, so the
/// watcher owns one dedicated `DatabaseQueue` on the catalog file and nothing else
/// reads through it. The token changes whenever any other connection (this process's
/// pool included) commits; polling it is a few microseconds, so a front end can poll
/// several times a second and re-query only what it shows.
public final class ChangeWatcher: Sendable {
  private let queue: DatabaseQueue

  /// Opens the dedicated connection on the catalog at `location`.
  public init(location: CatalogLocation) throws {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(10)
    config.label = "portal.change-watcher"
    queue = try DatabaseQueue(path: location.databaseURL.path, configuration: config)
  }

  /// The current change token: equal tokens mean nothing was committed in between.
  public func changeToken() throws -> Int {
    try queue.read { try Int.fetchOne($0, sql: "PRAGMA data_version") ?? 0 }
  }
}
