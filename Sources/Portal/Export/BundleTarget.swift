import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The directory a bundle goes to, and the temporary sibling it is built in: the
/// bundle appears in one `rename` at the end, so a failed or cancelled export leaves
/// nothing behind, and a target that is a symbolic link or holds something other
/// than a previous bundle is refused before anything is written.
struct BundleTarget {
  /// The target directory (absolute, its final component not resolved).
  let directory: URL
  /// The temporary sibling the bundle is written into.
  let staging: URL
  /// Whether a previous bundle will be replaced.
  let replaces: Bool

  /// Checks `path` and creates the staging directory beside it.
  init(path: String, force: Bool) throws {
    let absolute = URL(
      fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    )
    .standardizedFileURL
    let name = absolute.lastPathComponent
    guard !name.isEmpty, name != "/", name != ".", name != ".." else {
      throw PortalError.invalidArgument(
        "'\(path)' cannot be a bundle directory; name a new directory, like --to ./bundle")
    }
    let parent = absolute.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    } catch {
      throw PortalError.invalidArgument(
        "cannot create \(parent.path): \(Self.reason(error)); choose another --to directory")
    }
    // Resolve the parent (the person named it), never the target's own name.
    let realParent = URL(fileURLWithPath: parent.resolvingSymlinksInPath().path, isDirectory: true)
    directory = realParent.appendingPathComponent(name, isDirectory: true)
    var info = stat()
    var replaces = false
    if lstat(directory.path, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFLNK {
        throw PortalError.notAllowed(
          "\(directory.path) is a symbolic link; export writes only into a real directory — give a new path or the directory itself"
        )
      }
      guard (info.st_mode & S_IFMT) == S_IFDIR else {
        throw PortalError.invalidArgument(
          "\(directory.path) exists and is not a directory; choose a new --to directory")
      }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      if !entries.isEmpty {
        guard force else {
          throw PortalError.invalidArgument(
            "\(directory.path) is not empty; choose a new directory, or pass --force to replace the bundle in it")
        }
        var sums = stat()
        let sumsPath = directory.appendingPathComponent("SHA256SUMS").path
        guard lstat(sumsPath, &sums) == 0, (sums.st_mode & S_IFMT) == S_IFREG,
          entries.contains("croissant.json")
        else {
          throw PortalError.notAllowed(
            "\(directory.path) holds something other than a portal bundle (no SHA256SUMS and croissant.json); --force only replaces a previous bundle — choose another directory"
          )
        }
        replaces = true
      }
    }
    self.replaces = replaces
    var template = Array(realParent.appendingPathComponent(".\(name).export-XXXXXX").path.utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
    }
    guard let made else {
      throw PortalError.invalidArgument(
        "cannot write in \(realParent.path): \(String(cString: strerror(errno))); choose a directory you may write to")
    }
    staging = URL(fileURLWithPath: made, isDirectory: true)
  }

  /// Moves the finished bundle into place (replacing a previous bundle when allowed).
  func commit() throws {
    _ = chmod(staging.path, 0o755)
    if replaces {
      let aside = directory.deletingLastPathComponent()
        .appendingPathComponent(".\(directory.lastPathComponent).replaced-\(UUID().uuidString.prefix(8))")
      guard rename(directory.path, aside.path) == 0 else { throw Self.renameError(directory.path) }
      guard rename(staging.path, directory.path) == 0 else {
        let error = Self.renameError(directory.path)
        _ = rename(aside.path, directory.path)
        throw error
      }
      try? FileManager.default.removeItem(at: aside)
    } else {
      // rename(2) replaces an empty directory and refuses a non-empty one, so a
      // directory filled since the check is never overwritten.
      guard rename(staging.path, directory.path) == 0 else { throw Self.renameError(directory.path) }
    }
  }

  /// Removes the staging directory (after a failure or cancellation).
  func discard() {
    try? FileManager.default.removeItem(at: staging)
  }

  private static func renameError(_ path: String) -> PortalError {
    .invalidArgument(
      "could not move the bundle into \(path): \(String(cString: strerror(errno))); nothing was written there")
  }

  private static func reason(_ error: any Error) -> String {
    (error as NSError).localizedFailureReason ?? error.localizedDescription
  }
}
