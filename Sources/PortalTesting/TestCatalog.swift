import Foundation
import GRDB
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

extension TestCatalog {
  /// Records a PII scan of a dataset's current version, as the cleaning worker will:
  /// the publication checklist reads these rows.
  public func recordPIIScan(_ slug: String, findings: Int, byType: String = "{}") throws {
    let catalog = try catalog()
    try catalog.write { db in
      guard
        let row = try Row.fetchOne(
          db, sql: "SELECT id, current_version_id FROM dataset WHERE slug = ?", arguments: [slug])
      else { throw StoreError.notFound(what: "dataset \(slug)") }
      let datasetID: Int64 = row["id"]
      let versionID: Int64? = row["current_version_id"]
      try db.execute(
        sql: """
          INSERT INTO pii_scan (dataset_id, version_id, samples_scanned, findings, by_type, scanned_at)
          VALUES (?, ?, 10, ?, ?, ?)
          """, arguments: [datasetID, versionID, findings, byType, Date()])
    }
  }
}
