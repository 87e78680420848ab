import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The service account's `authorized_keys`: one line per reviewer key, each forcing
/// `portal session --user LOGIN`, so the key — not anything the client sends — decides
/// who the reviewer is. Every change rewrites the file atomically (temp file + rename).
public struct AuthorizedKeys: Sendable {
  /// The file.
  public let path: String

  /// One reviewer's line.
  public struct Entry: Sendable, Equatable {
    /// The portal login the line forces.
    public var login: String
    /// The key.
    public var key: StationKey
  }

  /// The file at `path` (`~/.ssh/authorized_keys` of the running user by default).
  public init(path: String? = nil) {
    self.path = path ?? (NSHomeDirectory() + "/.ssh/authorized_keys")
  }

  /// The comment that marks a line as the station's line for `login`.
  static func marker(_ login: String) -> String { "portal:" + login }

  /// The line that lets `key` in as `login` and only into `portal session`.
  public static func line(login: String, key: StationKey, portal: String, catalog: String) -> String {
    let command = "\(portal) session --user \(login) --catalog \(catalog)"
    return #"command="\#(command)",restrict,pty \#(key.type) \#(key.blob) \#(marker(login))"#
  }

  /// The station's entries (lines marked `portal:LOGIN`); other lines are left alone.
  public func entries() throws -> [Entry] {
    try lines().compactMap(Self.entry)
  }

  /// Adds a line for `login`; refuses a key that is already there (for any login).
  public func add(login: String, key: StationKey, portal: String, catalog: String) throws {
    for (command, path) in [(portal, "portal"), (catalog, "catalog")]
    where command.contains("\"") || command.contains(" ") || command.contains("\\") {
      throw PortalError.invalidArgument(
        "the \(path) path \(command) has a space, quote or backslash; install portal and the catalog under plain paths")
    }
    var current = try lines()
    if let existing = current.compactMap(Self.entry).first(where: { $0.key.blob == key.blob }) {
      throw PortalError.invalidArgument(
        "this key is already registered for '\(existing.login)'; remove it first with `portal station remove-user \(existing.login)`"
      )
    }
    current.append(Self.line(login: login, key: key, portal: portal, catalog: catalog))
    try write(current)
  }

  /// Removes every line of `login`; returns how many.
  @discardableResult
  public func remove(login: String) throws -> Int {
    let current = try lines()
    let kept = current.filter { Self.entry($0)?.login != login }
    if kept.count != current.count { try write(kept) }
    return current.count - kept.count
  }

  static func entry(_ line: String) -> Entry? {
    let fields = line.split(separator: " ").map(String.init)
    guard let last = fields.last, last.hasPrefix("portal:"), fields.count >= 3,
      let key = try? StationKey.parse(fields[(fields.count - 3)...].prefix(2).joined(separator: " "))
    else { return nil }
    return Entry(login: String(last.dropFirst("portal:".count)), key: key)
  }

  private func lines() throws -> [String] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw PortalError.invalidArgument("cannot read \(path); run this as the service account")
    }
    return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
  }

  private func write(_ lines: [String]) throws {
    let file = URL(fileURLWithPath: path)
    let directory = file.deletingLastPathComponent()
    if !FileManager.default.fileExists(atPath: directory.path) {
      try FileManager.default.createDirectory(
        at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).portal-\(getpid())")
    let text = lines.map { $0 + "\n" }.joined()
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0o600)
    guard fd >= 0 else {
      throw PortalError.invalidArgument("cannot write in \(directory.path): \(String(cString: strerror(errno)))")
    }
    // Root editing the service account's file keeps it the account's: sshd reads it as
    // that account, so a root-owned replacement would lock every reviewer out.
    var existing = stat()
    if stat(file.path, &existing) == 0, existing.st_uid != geteuid() || existing.st_gid != getegid() {
      _ = fchown(fd, existing.st_uid, existing.st_gid)
    }
    let bytes = Array(text.utf8)
    let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    let synced = fsync(fd) == 0
    close(fd)
    guard written == bytes.count, synced, rename(temporary.path, file.path) == 0 else {
      unlink(temporary.path)
      throw PortalError.invalidArgument("cannot replace \(path): \(String(cString: strerror(errno)))")
    }
  }
}
