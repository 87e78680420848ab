import Crypto
import Foundation
import PortalCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the files of a bundle inside its staging directory: every path is a
/// sanitised relative path made unique, files are created exclusively and never
/// through a link, and every file's SHA-256 is kept for `SHA256SUMS`.
final class BundleWriter {
  let root: URL
  /// Bundle path → (SHA-256, size) of every file written so far.
  private(set) var written: [String: (sha256: String, size: Int64)] = [:]
  private var taken = Set<String>()
  private var madeDirectories = Set<String>()

  init(root: URL) {
    self.root = root
  }

  /// A free bundle path for `path` (sanitised; `-2`, `-3`… added before the extension on a clash).
  func reserve(_ path: String) -> String {
    let clean = BundlePath.relative(path)
    var candidate = clean
    var counter = 2
    while taken.contains(candidate.lowercased()) {
      let slash = clean.lastIndex(of: "/").map { clean.index(after: $0) } ?? clean.startIndex
      let name = clean[slash...]
      if let dot = name.lastIndex(of: "."), dot != name.startIndex {
        candidate = String(clean[..<dot]) + "-\(counter)" + String(clean[dot...])
      } else {
        candidate = clean + "-\(counter)"
      }
      counter += 1
    }
    taken.insert(candidate.lowercased())
    return candidate
  }

  /// Writes `text` at the reserved `path`.
  @discardableResult
  func write(_ text: String, at path: String) throws -> (sha256: String, size: Int64) {
    let output = try create(path)
    try output.write(Data(text.utf8))
    return try output.finish()
  }

  /// Creates the file at the reserved `path` for streaming writes.
  func create(_ path: String) throws -> BundleOutput {
    let url = try prepare(path)
    let fd = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw Self.failure("create", path) }
    return BundleOutput(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true)) { [weak self] sha, size in
      self?.written[path] = (sha, size)
    }
  }

  /// Puts a source file at `path`: a hard link when allowed and possible (then read
  /// back to hash it), else a copy hashed as it is written. Returns whether it linked.
  func place(source real: String, at path: String, link: Bool, cancellation: ExportCancellation?) throws
    -> (sha256: String, size: Int64, linked: Bool)
  {
    let url = try prepare(path)
    if link && Glibc.link(real, url.path) == 0 {
      let input = try FileHandle(forReadingFrom: url)
      var hasher = SHA256()
      var size: Int64 = 0
      while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(data: chunk)
        size += Int64(chunk.count)
      }
      let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
      written[path] = (sha, size)
      return (sha, size, true)
    }
    // EXDEV (another filesystem), EPERM (protected hard links): copy instead.
    guard let input = FileHandle(forReadingAtPath: real) else { throw Self.failure("read", real) }
    let output = try create(path)
    while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
      if cancellation?.isCancelled == true { throw PortalError.invalidArgument("the export was cancelled") }
      try output.write(chunk)
    }
    let (sha, size) = try output.finish()
    return (sha, size, false)
  }

  /// Creates the parent directories of `path` inside the root and returns its URL.
  private func prepare(_ path: String) throws -> URL {
    let components = path.split(separator: "/").map(String.init)
    guard !components.isEmpty, !components.contains(".."), !path.hasPrefix("/") else {
      throw PortalError.invalidArgument("refusing to write '\(path)' outside the bundle")
    }
    var directory = root
    for component in components.dropLast() {
      directory.appendPathComponent(component, isDirectory: true)
      if madeDirectories.insert(directory.path).inserted {
        if mkdir(directory.path, 0o755) != 0 && errno != EEXIST { throw Self.failure("create directory", path) }
        var info = stat()
        guard lstat(directory.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
          throw PortalError.invalidArgument("refusing to write through '\(directory.path)': not a plain directory")
        }
      }
    }
    return directory.appendingPathComponent(components[components.count - 1])
  }

  private static func failure(_ verb: String, _ path: String) -> PortalError {
    .invalidArgument(
      "cannot \(verb) \(path) in the bundle: \(String(cString: strerror(errno))); check free space and permissions")
  }
}

/// One file being written into a bundle, hashed as it goes.
final class BundleOutput {
  private let handle: FileHandle
  private var hasher = SHA256()
  private var size: Int64 = 0
  private var buffer = Data()
  private let done: (String, Int64) -> Void

  init(handle: FileHandle, done: @escaping (String, Int64) -> Void) {
    self.handle = handle
    self.done = done
  }

  /// Appends bytes (buffered).
  func write(_ data: Data) throws {
    hasher.update(data: data)
    size += Int64(data.count)
    buffer.append(data)
    if buffer.count >= 1 << 20 { try flush() }
  }

  /// Appends one line of text and a newline.
  func writeLine(_ line: String) throws { try write(Data((line + "\n").utf8)) }

  /// Flushes, syncs and closes; returns the file's SHA-256 and size.
  @discardableResult
  func finish() throws -> (sha256: String, size: Int64) {
    try flush()
    try handle.synchronize()
    try handle.close()
    let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    done(sha, size)
    return (sha, size)
  }

  private func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
