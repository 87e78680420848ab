import Dispatch
import PortalMedia
import Synchronization

/// Reads one file on a background thread, keeping its samples in memory up to a limit.
final class ReadAhead: Sendable {
  /// A file read to its end.
  struct Read: Sendable {
    var file: AnalyzedFile
    var samples: [AnalyzedSample]
  }

  private struct TooMany: Error {}
  private struct Cancelled: Error {}

  private let entry: FileEntry
  private let analyzer: FileAnalyzer
  private let limit: Int
  private let outcome = Mutex<Read?>(nil)
  private let cancelled = Atomic<Bool>(false)
  private let finished = DispatchSemaphore(value: 0)

  init(entry: FileEntry, analyzer: FileAnalyzer, limit: Int) {
    self.entry = entry
    self.analyzer = analyzer
    self.limit = limit
  }

  /// Starts reading on a background thread.
  func start() {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      defer { finished.signal() }
      var samples: [AnalyzedSample] = []
      let limit = self.limit
      let file: AnalyzedFile
      do {
        file = try analyzer.analyze(entry) { sample in
          if cancelled.load(ordering: .relaxed) { throw Cancelled() }
          guard samples.count < limit else { throw TooMany() }
          samples.append(sample)
        }
      } catch {
        // Too many samples, cancelled, or unreadable: the file is streamed on its own
        // turn, which reports any problem the usual way.
        return
      }
      outcome.withLock { $0 = Read(file: file, samples: samples) }
    }
  }

  /// Waits for the read; nil when the file is to be streamed on its own turn instead.
  func wait() -> Read? {
    finished.wait()
    return outcome.withLock { $0 }
  }

  /// Stops the read at its next sample and waits for the thread to end.
  func cancelAndWait() {
    cancelled.store(true, ordering: .relaxed)
    finished.wait()
  }
}
