#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The directory a thread last opened files in, kept open so the next file there is
/// opened by its name alone (`openat`) rather than by a path the kernel walks again.
/// Files come in path order, so most follow one another in the same directory. One per
/// thread; `release()` when done.
public final class OpenDirectories {
  private var path = ""
  private var descriptor: Int32 = -1

  /// Creates an empty cache.
  public init() {}

  /// Opens `entry` relative to its directory; nil when the directory cannot be opened
  /// (the caller then opens the full path, which reports the problem).
  func openFile(_ entry: FileEntry, flags: Int32) -> Int32? {
    let relative = entry.relativePath
    let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/"))
    let name = slash.map { String(relative[relative.index(after: $0)...]) } ?? relative
    let directory =
      slash.map { entry.root == "/" ? "/" + relative[..<$0] : entry.root + "/" + relative[..<$0] } ?? entry.root
    if directory != path || descriptor < 0 {
      release()
      descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard descriptor >= 0 else { return nil }
      path = directory
    }
    return openat(descriptor, name, flags)
  }

  /// Closes the directory kept open.
  public func release() {
    if descriptor >= 0 { _ = close(descriptor) }
    descriptor = -1
    path = ""
  }

  deinit { release() }
}
