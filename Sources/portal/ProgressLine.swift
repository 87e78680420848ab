import Foundation

/// A one-line progress display on stderr, redrawn at most ten times a second.
final class ProgressLine {
  private let enabled: Bool
  private var last = Date.distantPast
  private var drew = false

  init(enabled: Bool) { self.enabled = enabled }

  func show(_ text: String) {
    guard enabled, Date().timeIntervalSince(last) >= 0.1 else { return }
    last = Date()
    drew = true
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
  }

  func clear() {
    guard enabled, drew else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
