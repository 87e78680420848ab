import Foundation
import PortalCore
import PortalStore

// MARK: - Reads the terminal UI needs: access lists and change notification

extension PortalSession {
  /// The grants and access requests of a dataset, with who granted and who asked.
  ///
  /// Allowed to whoever may preview the dataset or manage its grants: someone who may
  /// read the data may also see who else can (transparency for reviewers), while a
  /// viewer who can only discover it sees neither. Mutations are separate methods.
  public func datasetAccess(_ reference: String) throws -> DatasetAccess {
    let dataset = try resolve(reference)
    do {
      try authorize(.manageGrants, on: dataset)
    } catch PortalError.notAllowed {
      try authorize(.preview, on: dataset)
    }
    let id = dataset.id ?? 0
    let grants = try wrap { try catalog.grants(on: id) }
    let requests = try wrap { try catalog.accessRequests(datasetIDs: [id]) }
    let logins = Dictionary(
      (try wrap { try catalog.users() }).compactMap { user in user.id.map { ($0, user.login) } },
      uniquingKeysWith: { first, _ in first })
    return DatasetAccess(
      grants: grants.map { .init(grant: $0, grantedBy: logins[$0.grantedBy] ?? "?") },
      requests: requests.map { .init(request: $0, requestedBy: logins[$0.requestedBy] ?? "?") })
  }

  /// A watcher on its own connection, for polling whether the catalog changed.
  public func makeChangeWatcher() throws -> CatalogChangeWatcher {
    do {
      return CatalogChangeWatcher(watcher: try ChangeWatcher(location: location))
    } catch {
      throw PortalError.invalidArgument("cannot watch the catalog at \(location.directory.path) for changes: \(error)")
    }
  }
}
