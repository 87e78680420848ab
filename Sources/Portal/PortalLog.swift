import Foundation
import Logging
import PortalStore
import Synchronization

/// Makes the portal's loggers: a rotating file in the catalog's `logs/`, mirrored to
/// standard error with `--verbose`. Log lines carry ids, counts and paths — never
/// sample content.
public enum PortalLog {
  private static let verbose = Mutex(false)

  /// Turns on mirroring to standard error for every logger made afterwards.
  public static func setVerbose(_ on: Bool) {
    verbose.withLock { $0 = on }
  }

  /// A logger writing to the catalog's log file.
  public static func logger(for location: CatalogLocation, label: String) -> Logger {
    let path = location.logsURL.appendingPathComponent("portal.log").path
    let mirror = verbose.withLock { $0 }
    return Logger(label: label) { label in
      RotatingFileLogHandler(label: label, path: path, mirrorToStderr: mirror)
    }
  }
}
