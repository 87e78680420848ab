import Foundation
import Portal
import PortalCore
import PortalStore

/// A real catalog file in a temporary directory, with the current OS user as owner:
/// what integration tests run against.
public struct TestCatalog: Sendable {
  public let directory: TemporaryDirectory
  public let location: CatalogLocation
  public let owner: PortalSession

  /// Creates the catalog (`demo` marks it as a demo catalog so `--as` works).
  public init(_ label: String = "catalog", demo: Bool = false) throws {
    directory = try TemporaryDirectory(label)
    location = CatalogLocation(directory: directory.appending("catalog"))
    owner = try PortalSession.initialize(location: location, organisation: "Test partner", demo: demo)
  }

  /// The catalog opened directly, for assertions on stored state.
  public func catalog() throws -> Catalog {
    try Catalog(location: location)
  }

  /// A session for another user of a demo catalog.
  public func session(as login: String) throws -> PortalSession {
    try PortalSession.open(location: location, identity: .demo(login: login))
  }

  /// A directory for source data beside the catalog.
  public func dataDirectory(_ name: String = "data") throws -> TemporaryDirectory {
    try TemporaryDirectory("\(name)")
  }

  public func remove() { directory.remove() }
}
