import ArgumentParser
import Foundation
import Portal
import PortalCore
import Synchronization

/// Flags every subcommand shares.
struct GlobalOptions: ParsableArguments {
  @Option(name: .long, help: "The catalog directory (default: $PORTAL_HOME or ~/.local/share/partner-portal).")
  var catalog: String?

  @Flag(name: .long, help: "Mirror the log to standard error.")
  var verbose = false

  @Option(
    name: .customLong("as"),
    help: "Act as this user — only in a demo catalog, to show each role; elsewhere you are your OS account.")
  var actAs: String?

  /// Set only by `portal session` (a review station's forced command) before it runs an
  /// allowed read-only command: the catalog and the identity the forced command names.
  static let forced = Mutex<(location: CatalogLocation, identity: Identity)?>(nil)

  /// Where the catalog is.
  var location: CatalogLocation {
    if let forced = Self.forced.withLock({ $0 }) { return forced.location }
    if let catalog { return CatalogLocation(directory: URL(fileURLWithPath: catalog, isDirectory: true)) }
    return CatalogLocation.default()
  }

  /// Opens the catalog as the OS user (or, in a demo catalog only, as `--as`).
  func session() throws -> PortalSession {
    PortalLog.setVerbose(verbose)
    if let forced = Self.forced.withLock({ $0 }) {
      return try PortalSession.open(location: forced.location, identity: forced.identity)
    }
    return try PortalSession.open(location: location, identity: actAs.map { .demo(login: $0) } ?? .operatingSystem)
  }
}
