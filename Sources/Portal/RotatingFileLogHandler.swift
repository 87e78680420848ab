import Foundation
import Logging

#if canImport(Glibc)
  import Glibc
#endif

/// A swift-log handler appending to `logs/portal.log` in the catalog directory,
/// rotating at `maxBytes` and keeping `keep` old files. Each line is one `write(2)`
/// with O_APPEND, so several processes on one catalog interleave whole lines.
public struct RotatingFileLogHandler: LogHandler {
  public var metadata: Logger.Metadata = [:]
  public var logLevel: Logger.Level = .info
  let label: String
  let path: String
  let maxBytes: Int
  let keep: Int
  /// Mirror every line to standard error (`--verbose`).
  let mirrorToStderr: Bool

  public init(label: String, path: String, maxBytes: Int = 5 << 20, keep: Int = 3, mirrorToStderr: Bool = false) {
    self.label = label
    self.path = path
    self.maxBytes = maxBytes
    self.keep = keep
    self.mirrorToStderr = mirrorToStderr
    if mirrorToStderr { logLevel = .debug }
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    // The value-type format style: a new ISO8601DateFormatter per line builds an ICU
    // formatter each time, which was most of a busy worker's CPU.
    let stamp = Date().formatted(.iso8601)
    let line =
      "\(stamp) \(event.level) \(label) pid=\(getpid()) \(event.message)\(fields.isEmpty ? "" : " " + fields)\n"
    rotateIfNeeded()
    let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    if fd >= 0 {
      _ = line.withCString { Glibc.write(fd, $0, strlen($0)) }
      Glibc.close(fd)
    }
    if mirrorToStderr { FileHandle.standardError.write(Data(line.utf8)) }
  }

  private func rotateIfNeeded() {
    var info = stat()
    guard stat(path, &info) == 0, Int(info.st_size) >= maxBytes else { return }
    for index in stride(from: keep - 1, through: 1, by: -1) {
      rename("\(path).\(index)", "\(path).\(index + 1)")
    }
    rename(path, "\(path).1")
  }
}
