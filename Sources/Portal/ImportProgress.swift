import Foundation

/// How far an import has got, for progress bars (stderr, the TUI's import dialog).
public struct ImportProgress: Sendable, Equatable {
  public enum Phase: String, Sendable {
    case walking, reading, publishing, indexing, done
  }

  public var phase: Phase
  public var filesDone: Int
  public var filesTotal: Int
  public var bytesDone: Int64
  public var bytesTotal: Int64
  public var samples: Int
  /// Seconds since the import started.
  public var elapsed: TimeInterval

  public init(
    phase: Phase, filesDone: Int = 0, filesTotal: Int = 0, bytesDone: Int64 = 0, bytesTotal: Int64 = 0,
    samples: Int = 0, elapsed: TimeInterval = 0
  ) {
    self.phase = phase
    self.filesDone = filesDone
    self.filesTotal = filesTotal
    self.bytesDone = bytesDone
    self.bytesTotal = bytesTotal
    self.samples = samples
    self.elapsed = elapsed
  }

  /// Bytes per second so far.
  public var bytesPerSecond: Double { elapsed > 0 ? Double(bytesDone) / elapsed : 0 }

  /// Seconds left at the current rate, when it can be estimated.
  public var secondsRemaining: TimeInterval? {
    guard bytesPerSecond > 0, bytesTotal >= bytesDone else { return nil }
    return Double(bytesTotal - bytesDone) / bytesPerSecond
  }
}
