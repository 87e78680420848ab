import Foundation

/// Where a catalog lives on disk: a directory holding `catalog.sqlite`, `objects/`
/// (content the portal wrote) and `logs/`.
public struct CatalogLocation: Sendable, Equatable {
  public let directory: URL

  public init(directory: URL) {
    self.directory = directory.standardizedFileURL
  }

  public var databaseURL: URL { directory.appendingPathComponent("catalog.sqlite") }
  public var objectsURL: URL { directory.appendingPathComponent("objects", isDirectory: true) }
  public var logsURL: URL { directory.appendingPathComponent("logs", isDirectory: true) }
  /// Who has the catalog open (`PresenceBoard`): beside the catalog, not in it.
  public var presenceURL: URL { directory.appendingPathComponent("presence.sqlite") }

  /// `$PORTAL_HOME`, else `$XDG_DATA_HOME/partner-portal`, else
  /// `~/.local/share/partner-portal`.
  public static func `default`(environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
    if let home = environment["PORTAL_HOME"], !home.isEmpty {
      return Self(directory: URL(fileURLWithPath: home, isDirectory: true))
    }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
      return Self(directory: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("partner-portal"))
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return Self(
      directory: URL(fileURLWithPath: home, isDirectory: true)
        .appendingPathComponent(".local/share/partner-portal", isDirectory: true))
  }

  /// Whether a catalog database exists here.
  public var exists: Bool { FileManager.default.fileExists(atPath: databaseURL.path) }

  /// Creates the directory tree with owner-only permissions (group permissions are
  /// the review-station setup's business), refusing network filesystems.
  public func prepare(mode: mode_t = 0o700) throws {
    // Check where the directory will be before creating anything there.
    var existing = directory
    while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
      existing = existing.deletingLastPathComponent()
    }
    try FilesystemCheck.refuseNetworkFilesystem(at: existing.path)
    for url in [directory, objectsURL, logsURL] {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
        if !isDirectory.boolValue {
          throw StoreError.cannotCreateDirectory(path: url.path, reason: "a file of that name is in the way")
        }
        continue
      }
      do {
        try FileManager.default.createDirectory(
          at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: Int(mode)])
      } catch {
        throw StoreError.cannotCreateDirectory(path: url.path, reason: error.localizedDescription)
      }
    }
  }
}
