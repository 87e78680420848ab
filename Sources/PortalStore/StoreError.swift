/// What can go wrong in the catalog database, phrased so a user knows what to do.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
  case networkFilesystem(path: String, type: String)
  case cannotCreateDirectory(path: String, reason: String)
  case notACatalog(path: String)
  case newerSchema(path: String)
  case notFound(what: String)
  case conflict(String)
  case corrupt(String)

  public var description: String {
    switch self {
    case .networkFilesystem(let path, let type):
      "the catalog at \(path) is on a network filesystem (\(type)); SQLite's write-ahead log needs local shared memory. Put the catalog on a local disk (set PORTAL_HOME)."
    case .cannotCreateDirectory(let path, let reason):
      "cannot create the catalog directory \(path): \(reason). Choose another place with PORTAL_HOME."
    case .notACatalog(let path):
      "\(path) is not a Partner Portal catalog. Run `portal init` to create one, or point PORTAL_HOME at an existing catalog."
    case .newerSchema(let path):
      "the catalog at \(path) was written by a newer version of the portal; upgrade the portal to open it."
    case .notFound(let what):
      "\(what) was not found."
    case .conflict(let message):
      message
    case .corrupt(let message):
      "the catalog is damaged: \(message). Restore it from a backup, or run `portal audit verify` to see what changed."
    }
  }
}
