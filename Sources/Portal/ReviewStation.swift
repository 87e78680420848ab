import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The file-system side of a review station: one catalog directory owned by a service
/// account, shared through a group, reached by reviewers through SSH forced commands.
public enum ReviewStation {
  /// The mask every process opening a station catalog uses, so what it creates (log
  /// files, objects, SQLite's -wal and -shm) stays readable and writable by the group.
  public static let groupUmask: mode_t = 0o007

  /// Sets ``groupUmask`` for this process.
  public static func useGroupUmask() { umask(groupUmask) }

  /// Whether the catalog directory is set up as a station (setgid, group-writable), so
  /// the mask can be set before SQLite creates anything.
  public static func looksLikeStation(_ location: CatalogLocation) -> Bool {
    var info = stat()
    guard stat(location.directory.path, &info) == 0 else { return false }
    return info.st_mode & S_ISGID != 0 && info.st_mode & S_IWGRP != 0
  }

  /// This host's name (presence rows).
  public static var hostName: String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// The group id of `name`, or nil when there is no such group.
  public static func groupID(named name: String) -> gid_t? {
    guard let entry = getgrnam(name) else { return nil }
    return entry.pointee.gr_gid
  }

  /// Gives the catalog directory to `group`: setgid, group-writable directories (2770)
  /// and group-writable files (0660), recursively; symbolic links are left alone.
  /// Returns how many entries it changed.
  @discardableResult
  public static func shareDirectory(_ location: CatalogLocation, group gid: gid_t) throws -> Int {
    let root = location.directory.path
    var changed = 0
    try apply(path: root, isDirectory: true, gid: gid)
    changed += 1
    guard let walker = FileManager.default.enumerator(atPath: root) else { return changed }
    while let relative = walker.nextObject() as? String {
      let path = root + "/" + relative
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      let kind = info.st_mode & S_IFMT
      if kind == S_IFLNK { continue }
      try apply(path: path, isDirectory: kind == S_IFDIR, gid: gid)
      changed += 1
    }
    return changed
  }

  private static func apply(path: String, isDirectory: Bool, gid: gid_t) throws {
    guard chown(path, uid_t.max, gid) == 0 else {
      throw PortalError.invalidArgument(
        "cannot give \(path) to the group (\(String(cString: strerror(errno)))); run `portal station init` as the directory's owner or as root"
      )
    }
    let mode: mode_t = isDirectory ? 0o2770 : 0o660
    guard chmod(path, mode) == 0 else {
      throw PortalError.invalidArgument("cannot set the permissions of \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// The `sshd_config` block an administrator adds for the service account.
  public static func sshdConfig(service: String) -> String {
    """
    Match User \(service)
        PermitTTY yes
        X11Forwarding no
        AllowTcpForwarding no
        AllowAgentForwarding no
        PermitTunnel no
        PasswordAuthentication no
    """
  }
}
