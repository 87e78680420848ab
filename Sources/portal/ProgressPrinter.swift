import Foundation
import Portal

#if canImport(Glibc)
  import Glibc
#endif

/// Draws an import's progress on one line of standard error, only when it is a
/// terminal, at most ten times a second.
final class ProgressPrinter: @unchecked Sendable {
  // @unchecked: the lock guards every mutable field.
  private let lock = NSLock()
  private var lastDraw = Date.distantPast
  private var drew = false
  let enabled: Bool

  init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
    self.enabled = enabled
  }

  /// Shows `progress` if enough time has passed since the last line.
  func update(_ progress: ImportProgress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard progress.phase == .done || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
    lastDraw = now
    var line: String
    switch progress.phase {
    case .walking: line = "scanning directories…"
    case .publishing: line = "publishing \(progress.samples) samples…"
    case .indexing: line = "indexing the text of \(progress.samples) samples for search…"
    case .done: line = ""
    case .reading:
      let rate = ByteCount.format(Int64(progress.bytesPerSecond)) + "/s"
      let eta = progress.secondsRemaining.map { " ETA " + Duration.format($0) } ?? ""
      let files = progress.filesTotal > 0 ? "\(progress.filesDone)/\(progress.filesTotal) files, " : ""
      line =
        "\(files)\(ByteCount.format(progress.bytesDone))/\(ByteCount.format(progress.bytesTotal)), \(progress.samples) samples, \(rate)\(eta)"
    }
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
    drew = true
  }

  /// Clears the progress line.
  func finish() {
    guard enabled, drew else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
