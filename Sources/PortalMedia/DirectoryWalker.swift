import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Lists the regular files under one or more dataset roots with plain POSIX calls
/// (`opendir`/`readdir`/`fstatat`), fast enough for hundreds of thousands of files.
///
/// Nothing it meets stops the walk: every unusable thing (dangling or looping link,
/// unreadable directory, file gone mid-walk, socket, non-UTF-8 name) becomes one
/// `FileProblem` and the walk goes on. A value type without state: safe to share.
public struct DirectoryWalker: Sendable {
  /// What the walker includes.
  public struct Options: Sendable, Hashable {
    /// Follow symbolic links whose target lies outside the dataset root (`--follow-symlinks`).
    public var followSymlinksOutsideRoot: Bool
    /// Include names starting with `.` (`.git`, `.DS_Store`), skipped by default.
    public var includeHidden: Bool

    /// Creates options; the defaults are the safe ones.
    public init(followSymlinksOutsideRoot: Bool = false, includeHidden: Bool = false) {
      self.followSymlinksOutsideRoot = followSymlinksOutsideRoot
      self.includeHidden = includeHidden
    }
  }

  /// What a walk found.
  public struct Result: Sendable {
    /// Regular files, sorted by relative path (UTF-8 byte order), then by root.
    public var entries: [FileEntry]
    /// Things that could not be used, in the order they were met.
    public var problems: [FileProblem]
  }

  /// The message for a link leaving the root; the command line names the flag.
  public static let outsideRootReason =
    "symbolic link points outside the dataset root; pass --follow-symlinks to include it"

  /// The options this walker applies.
  public var options: Options

  /// Creates a walker.
  public init(options: Options = Options()) {
    self.options = options
  }

  /// Walks every root (a directory or a single file) and returns what it found.
  public func walk(_ roots: [String]) -> Result {
    var state = WalkState()
    for root in roots {
      walkRoot(POSIX.standardise(root), into: &state)
    }
    // A directory's names are visited in path order, so the entries usually are sorted
    // already (not with several roots, or directories reached through links): one pass
    // checks, instead of the sort's n log n comparisons (0.09 s for 200,000 files).
    if !Self.isSorted(state.entries) { state.entries.sort(by: Self.precedes) }
    return Result(entries: state.entries, problems: state.problems)
  }

  /// Walks one root, handing its files to `found` as it goes (a directory's worth at a
  /// time), so an import can read the first files while the walk goes on. The files
  /// come in path order, except that directories reached through symbolic links come
  /// after the rest. Returns the problems met.
  public func walk(_ root: String, found: ([FileEntry]) -> Void) -> [FileProblem] {
    withoutActuallyEscaping(found) { found in
      var state = WalkState()
      state.found = found
      walkRoot(POSIX.standardise(root), into: &state)
      state.flush()
      return state.problems
    }
  }

  /// Entry order: relative path (UTF-8 byte order), then root.
  private static func precedes(_ lhs: FileEntry, _ rhs: FileEntry) -> Bool {
    if lhs.relativePath != rhs.relativePath {
      return POSIX.bytePrecedes(lhs.relativePath, rhs.relativePath)
    }
    return POSIX.bytePrecedes(lhs.root, rhs.root)
  }

  private static func isSorted(_ entries: [FileEntry]) -> Bool {
    zip(entries, entries.dropFirst()).allSatisfy { !precedes($1, $0) }
  }

  // MARK: - Roots

  private func walkRoot(_ root: String, into state: inout WalkState) {
    var info = stat()
    guard stat(root, &info) == 0 else {
      let code = errno
      let reason = code == ENOENT ? "dataset root does not exist" : "cannot read dataset root: \(POSIX.message(code))"
      state.problems.append(FileProblem(path: root, reason: reason))
      return
    }
    switch POSIX.kind(info.st_mode) {
    case S_IFREG:
      // A single-file root: its parent is the root, so relative paths stay meaningful.
      let slash = root.lastIndex(of: "/") ?? root.startIndex
      let parent = slash == root.startIndex ? "/" : String(root[..<slash])
      let name = String(root[root.index(after: slash)...])
      // Named explicitly, the file is wanted wherever a link sends it: its own directory
      // is the boundary the analyzer checks.
      let target = POSIX.realPath(root) ?? root
      let targetParent = target.lastIndex(of: "/").map { $0 == target.startIndex ? "/" : String(target[..<$0]) }
      state.entries.append(
        FileEntry(root: parent, relativePath: name, info: info, resolvedRoot: targetParent))
    case S_IFDIR:
      let resolved = POSIX.realPath(root) ?? root
      state.visited = [DirectoryID(info)]
      state.linkedDirectories = []
      // Real directories first, linked ones after: a link to a directory that is also
      // reachable without links is then the one skipped, whatever the names' order.
      var next: PendingDirectory? = PendingDirectory(absolute: root, relative: "")
      while let tree = next {
        walkTree(tree, root: root, resolvedRoot: resolved, state: &state)
        next = nextLinkedDirectory(&state)
      }
    default:
      state.problems.append(FileProblem(path: root, reason: "dataset root is neither a directory nor a regular file"))
    }
  }

  // MARK: - Directories

  /// Walks the tree under `top` depth first, each directory's names in path order with a
  /// subdirectory `a` placed as `a/`, so files come out in the order of their relative
  /// paths (`a.txt` before `a/x`, `a/x` before `b.txt`). An explicit stack, not
  /// recursion: a hostile tree may be thousands of directories deep.
  private func walkTree(_ top: PendingDirectory, root: String, resolvedRoot: String, state: inout WalkState) {
    var stack = [(readDirectory(top, root: root, resolvedRoot: resolvedRoot, state: &state), 0)]
    while var (children, next) = stack.popLast() {
      while next < children.count {
        let child = children[next]
        next += 1
        switch child {
        case .file(let entry):
          state.entries.append(entry)
        case .directory(let directory):
          stack.append((children, next))
          state.flush()
          stack.append((readDirectory(directory, root: root, resolvedRoot: resolvedRoot, state: &state), 0))
          next = children.count + 1  // resume the parent after the subdirectory
        }
      }
      if next == children.count { state.flush() }
    }
  }

  /// What a directory holds that the walk goes on with, in path order.
  private enum Child {
    case file(FileEntry)
    case directory(PendingDirectory)

    /// The name's place among its siblings: a directory sorts as `name/`.
    var key: String {
      switch self {
      case .file(let entry): entry.relativePath
      case .directory(let directory): directory.relative + "/"
      }
    }
  }

  /// Reads one directory: its files and subdirectories in path order; links to files
  /// are files here, links to directories are queued for after the real tree.
  private func readDirectory(
    _ directory: PendingDirectory, root: String, resolvedRoot: String, state: inout WalkState
  ) -> [Child] {
    guard let handle = opendir(directory.absolute) else {
      let code = errno
      state.problems.append(FileProblem(path: directory.absolute, reason: Self.reason(opening: code, "directory")))
      return []
    }
    defer { closedir(handle) }
    let names = readNames(handle, directory: directory, state: &state)
    let descriptor = dirfd(handle)
    let infos = Self.statAll(names, in: descriptor)
    var children: [Child] = []
    children.reserveCapacity(names.count)
    var hasDirectories = false
    for (name, (info, code)) in zip(names, infos) {
      let relative = directory.relative.isEmpty ? name : directory.relative + "/" + name
      let absolute = { directory.absolute == "/" ? "/" + name : directory.absolute + "/" + name }
      guard code == 0 else {
        state.problems.append(FileProblem(path: absolute(), reason: Self.reason(opening: code, "file")))
        continue
      }
      switch POSIX.kind(info.st_mode) {
      case S_IFREG:
        children.append(.file(FileEntry(root: root, relativePath: relative, info: info, resolvedRoot: resolvedRoot)))
      case S_IFDIR:
        if state.visited.insert(DirectoryID(info)).inserted {
          children.append(.directory(PendingDirectory(absolute: absolute(), relative: relative)))
          hasDirectories = true
        } else {
          state.problems.append(
            FileProblem(path: absolute(), reason: "directory already walked (bind mount loop); skipped"))
        }
      case S_IFLNK:
        let link = PendingDirectory(absolute: absolute(), relative: relative)
        if let entry = followLink(link, root: root, resolvedRoot: resolvedRoot, state: &state) {
          children.append(.file(entry))
        }
      default:
        state.problems.append(
          FileProblem(path: absolute(), reason: "not a regular file (device, FIFO or socket); skipped"))
      }
    }
    // The names are sorted already; only a directory's `/` can move it.
    if hasDirectories { children.sort { POSIX.bytePrecedes($0.key, $1.key) } }
    return children
  }

  /// `fstatat` of every name (no link followed), with errno or 0; on several threads
  /// for a large directory, since the calls dominate a walk (measured: 0.37 of 0.48 s for
  /// 200,000 files). The results come back in the names' order, so the walk is the same.
  private static func statAll(_ names: [String], in descriptor: Int32) -> [(stat, Int32)] {
    @Sendable func one(_ name: String) -> (stat, Int32) {
      var info = stat()
      return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? (info, 0) : (info, errno)
    }
    let threads = min(ProcessInfo.processInfo.activeProcessorCount, names.count / parallelStatMinimum)
    guard threads > 1 else { return names.map(one) }
    var results = Array(repeating: (stat(), Int32(0)), count: names.count)
    results.withUnsafeMutableBufferPointer { buffer in
      let slots = SendableSlots(base: buffer.baseAddress)
      DispatchQueue.concurrentPerform(iterations: threads) { part in
        // Each thread writes its own stride of slots.
        for index in stride(from: part, to: names.count, by: threads) { slots.base?[index] = one(names[index]) }
      }
    }
    return results
  }

  /// Directories with fewer names than this are stat'ed on the walking thread.
  private static let parallelStatMinimum = 256

  /// The directory's names, sorted for a deterministic walk; `.`/`..` and (by default)
  /// hidden names dropped; names that are not UTF-8 reported, since a `String` path
  /// could not reopen them.
  private func readNames(
    _ handle: OpaquePointer, directory: PendingDirectory, state: inout WalkState
  ) -> [String] {
    var names: [String] = []
    while true {
      errno = 0
      guard let record = readdir(handle) else {
        if errno != 0 {
          state.problems.append(
            FileProblem(path: directory.absolute, reason: "directory listing failed: \(POSIX.message(errno))"))
        }
        break
      }
      let name = withUnsafePointer(to: &record.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: record.pointee.d_name)) {
          String(validatingCString: $0)
        }
      }
      guard let name else {
        state.problems.append(
          FileProblem(path: directory.absolute, reason: "a file name here is not valid UTF-8; rename it to import it"))
        continue
      }
      if name == "." || name == ".." || (!options.includeHidden && name.hasPrefix(".")) { continue }
      names.append(name)
    }
    names.sort(by: POSIX.bytePrecedes)
    return names
  }

  // MARK: - Symbolic links

  /// The next linked directory not reached otherwise; links to directories already
  /// walked (loops, aliases) become problems.
  private func nextLinkedDirectory(_ state: inout WalkState) -> PendingDirectory? {
    while !state.linkedDirectories.isEmpty {
      let (link, identity, target) = state.linkedDirectories.removeFirst()
      if state.visited.insert(identity).inserted { return link }
      state.problems.append(
        FileProblem(
          path: link.absolute,
          reason: "symbolic link loop or alias: it points to a directory already walked (\(target)); skipped"))
    }
    return nil
  }

  /// Resolves a link: returns a file, queues a directory, or records why not.
  private func followLink(
    _ link: PendingDirectory, root: String, resolvedRoot: String, state: inout WalkState
  ) -> FileEntry? {
    var info = stat()
    guard stat(link.absolute, &info) == 0 else {
      let code = errno
      let reason =
        switch code {
        case ENOENT: "dangling symbolic link: its target does not exist"
        case ELOOP: "symbolic link loop: the link resolves to itself"
        default: "cannot follow symbolic link: \(POSIX.message(code))"
        }
      state.problems.append(FileProblem(path: link.absolute, reason: reason))
      return nil
    }
    let target = POSIX.realPath(link.absolute) ?? link.absolute
    if !options.followSymlinksOutsideRoot && !POSIX.isInside(target, root: resolvedRoot) {
      state.problems.append(FileProblem(path: link.absolute, reason: Self.outsideRootReason))
      return nil
    }
    switch POSIX.kind(info.st_mode) {
    case S_IFREG:
      return FileEntry(root: root, relativePath: link.relative, info: info, resolvedRoot: resolvedRoot)
    case S_IFDIR:
      state.linkedDirectories.append((link, DirectoryID(info), target))
    default:
      state.problems.append(
        FileProblem(path: link.absolute, reason: "symbolic link to something that is not a regular file; skipped"))
    }
    return nil
  }

  /// A user-facing reason for a failed `opendir`/`fstatat`.
  private static func reason(opening code: Int32, _ what: String) -> String {
    switch code {
    case EACCES: "permission denied: cannot read this \(what) (check its permissions)"
    case ENOENT: "\(what) vanished during the scan"
    default: "cannot read this \(what): \(POSIX.message(code))"
    }
  }
}

// MARK: - Walk state

/// A directory's identity; two paths with the same one are the same directory.
private struct DirectoryID: Hashable {
  var device: UInt64
  var inode: UInt64

  init(_ info: stat) {
    device = UInt64(truncatingIfNeeded: info.st_dev)
    inode = UInt64(truncatingIfNeeded: info.st_ino)
  }
}

/// A directory still to read, by absolute path and path below the root.
private struct PendingDirectory {
  var absolute: String
  var relative: String
}

/// What one `walk` accumulates.
private struct WalkState {
  var entries: [FileEntry] = []
  var problems: [FileProblem] = []
  var visited: Set<DirectoryID> = []
  /// Directories reached through links, walked once the real tree is done.
  var linkedDirectories: [(PendingDirectory, DirectoryID, String)] = []
  /// Where a streaming walk hands its files (nil: they stay in `entries`).
  var found: (([FileEntry]) -> Void)?

  /// Hands the files found since the last call to `found`, if streaming.
  mutating func flush() {
    guard let found, !entries.isEmpty else { return }
    found(entries)
    entries.removeAll(keepingCapacity: true)
  }
}

/// A buffer's base address handed to `concurrentPerform`'s threads, each writing only its
/// own slots.
private struct SendableSlots: @unchecked Sendable {
  let base: UnsafeMutablePointer<(stat, Int32)>?
}
