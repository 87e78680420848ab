import PortalCore
import PortalStore

/// What a portal use case refuses or fails with, in words that say what to do next.
public enum PortalError: Error, CustomStringConvertible, Sendable {
  case noCatalog(path: String)
  case catalogExists(path: String)
  case unknownUser(login: String, catalog: String)
  case notAllowed(String)
  /// The session's account was disabled by an owner after the session opened.
  case accountDisabled(login: String)
  case datasetNotFound(String)
  case sampleNotFound(dataset: String, sample: String)
  case invalidArgument(String)
  case importFailed(String)
  case store(StoreError)

  public var description: String {
    switch self {
    case .noCatalog(let path):
      "there is no catalog at \(path). Create one with `portal init`, try `portal demo`, or set PORTAL_HOME."
    case .catalogExists(let path):
      "a catalog already exists at \(path); use it, or set PORTAL_HOME to create another."
    case .unknownUser(let login, let catalog):
      "the account '\(login)' is not a user of the catalog at \(catalog). An owner can add it with `portal user add \(login) --role reviewer`."
    case .notAllowed(let reason):
      "not allowed: \(reason)."
    case .accountDisabled(let login):
      "the portal account '\(login)' was disabled by an owner, so this session has ended; ask an owner of the catalog if you still need access."
    case .datasetNotFound(let reference):
      "no dataset named '\(reference)' (run `portal datasets list` to see the names and slugs you may use)."
    case .sampleNotFound(let dataset, let sample):
      "dataset '\(dataset)' has no sample '\(sample)' (run `portal samples \(dataset)` to list them)."
    case .invalidArgument(let message):
      message
    case .importFailed(let message):
      "the import failed: \(message)"
    case .store(let error):
      error.description
    }
  }
}
