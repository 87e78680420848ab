import Foundation

/// Detects network filesystems, on which SQLite's WAL mode is unsafe (it needs
/// shared memory that only one machine sees).
enum FilesystemCheck {
  /// Filesystem types (as /proc/self/mountinfo names them) that live on another machine.
  static let networkTypes: Set<String> = [
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs", "ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gpfs", "fuse.s3fs", "fuse.rclone", "davfs", "fuse.davfs2",
  ]

  /// Throws `StoreError.networkFilesystem` when `path` is on one.
  static func refuseNetworkFilesystem(at path: String) throws {
    if let override = ProcessInfo.processInfo.environment["PORTAL_ASSUME_FSTYPE"], !override.isEmpty {
      // Lets tests exercise the refusal without mounting NFS.
      if networkTypes.contains(override) { throw StoreError.networkFilesystem(path: path, type: override) }
      return
    }
    guard let mountinfo = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return }
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    if let type = filesystemType(of: resolved, mountinfo: mountinfo), networkTypes.contains(type) {
      throw StoreError.networkFilesystem(path: path, type: type)
    }
  }

  /// The type of the mount with the longest mount point that contains `path`.
  static func filesystemType(of path: String, mountinfo: String) -> String? {
    var best: (length: Int, type: String)?
    for line in mountinfo.split(separator: "\n") {
      // Fields: id parent major:minor root mountpoint options [optional…] - type source …
      let fields = line.split(separator: " ", omittingEmptySubsequences: false)
      guard fields.count > 5, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { continue }
      let mountPoint = unescape(String(fields[4]))
      let contains =
        mountPoint == "/" || path == mountPoint
        || path.hasPrefix(mountPoint.hasSuffix("/") ? mountPoint : mountPoint + "/")
      guard contains else { continue }
      if best == nil || mountPoint.count >= (best?.length ?? 0) {
        best = (mountPoint.count, String(fields[dash + 1]))
      }
    }
    return best?.type
  }

  /// mountinfo escapes space, tab, newline and backslash as octal (`\040`).
  private static func unescape(_ text: String) -> String {
    guard text.contains("\\") else { return text }
    var out = ""
    var chars = Array(text)[...]
    while let char = chars.popFirst() {
      if char == "\\", chars.count >= 3, let code = UInt8(String(chars.prefix(3)), radix: 8) {
        out.append(Character(Unicode.Scalar(code)))
        chars = chars.dropFirst(3)
      } else {
        out.append(char)
      }
    }
    return out
  }
}
