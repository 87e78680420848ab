import PortalStore

/// Tells a front end that the catalog changed, in this or any other process.
///
/// Wraps the store's `ChangeWatcher` (one dedicated connection reading
/// `PRAGMA data_version`) so front ends need not import the store. Compare tokens:
/// a different token means something was committed since the last read.
public final class CatalogChangeWatcher: Sendable {
  private let watcher: ChangeWatcher

  init(watcher: ChangeWatcher) { self.watcher = watcher }

  /// The current change token.
  public func changeToken() throws -> Int {
    do {
      return try watcher.changeToken()
    } catch {
      throw PortalError.invalidArgument("cannot read the catalog's change counter: \(error)")
    }
  }
}
