import Foundation
import PortalCore
import PortalStore

/// A demo catalog of any size for benchmarks (`portal demo --datasets N --samples M`):
/// generated rows of realistic shape, written in one bulk transaction instead of
/// importing real files, so a 100,000-dataset catalog takes seconds.
public enum SyntheticCatalog {
  /// Creates a demo catalog at `location` (which must not exist yet) holding
  /// `datasets` datasets and `samples` samples, and returns a session as its owner.
  public static func build(at location: CatalogLocation, datasets: Int, samples: Int) throws -> PortalSession {
    guard datasets >= 0, samples >= 0 else {
      throw PortalError.invalidArgument("--datasets and --samples must be zero or more")
    }
    let session = try PortalSession.initialize(
      location: location, organisation: "Synthetic partner", demo: true, ownerLogin: "owner",
      ownerName: "Synthetic owner")
    try session.authorize(.importData)
    let me = Identity.operatingSystemLogin()
    if me != session.actor.login {
      try session.addUser(login: me, displayName: Identity.operatingSystemDisplayName() ?? me, role: .owner)
    }
    let audit = session.event(
      "catalog.synthesize", target: "catalog", "synthetic",
      after: JSONText.encode(["datasets": String(datasets), "samples": String(samples)]))
    _ = try wrap {
      try session.catalog.generateSynthetic(
        datasets: datasets, samples: samples, ownerID: session.actor.id, audit: audit)
    }
    return session
  }
}
