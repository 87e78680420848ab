import Foundation
import PortalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Opens a version's source files for export, refusing any whose recorded path
/// leaves its import root — by `..` or absolute components in the catalog, or through
/// a symbolic link placed since the import — unless the import was told to follow
/// links out of its roots.
struct SourceAccess {
  let dataset: String
  let followSymlinks: Bool

  /// The real path of `file`, checked to be inside its root.
  func resolve(_ file: SourceFile) throws -> String {
    let relative = file.relativePath
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    if relative.hasPrefix("/") || parts.contains("..") || relative.contains("\0") {
      throw PortalError.notAllowed(
        "the catalog records '\(relative)' in '\(dataset)', a path that leaves its import root; nothing was exported (run `portal audit verify` and rescan)"
      )
    }
    guard let root = Self.realPath(file.root) else {
      throw PortalError.invalidArgument(
        "the import root \(file.root) of '\(dataset)' is gone; reconnect it or rescan (portal import --rescan \(dataset))"
      )
    }
    guard let real = Self.realPath(file.path) else {
      throw PortalError.invalidArgument(
        "'\(relative)' of '\(dataset)' has moved or vanished since the import; rescan it (portal import --rescan \(dataset))"
      )
    }
    if !followSymlinks && !(real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/")) {
      throw PortalError.notAllowed(
        "'\(relative)' of '\(dataset)' is now a symbolic link leading outside its import root (to \(real)); it was not exported — remove the link or rescan"
      )
    }
    return real
  }

  /// Opens `file` for reading (never following a link in its last component).
  func open(_ file: SourceFile) throws -> FileHandle {
    let real = try resolve(file)
    let fd = SourceAccess.openFile(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else {
      throw PortalError.invalidArgument(
        "cannot read '\(file.relativePath)' of '\(dataset)': \(String(cString: strerror(errno))); check its permissions"
      )
    }
    return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
  }

  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

extension SourceAccess {
  /// open(2), named apart from the method above.
  fileprivate static func openFile(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
      Glibc.open(path, flags)
    #else
      Darwin.open(path, flags)
    #endif
  }
}
