import Dispatch
import Foundation
import PortalCore
import PortalMedia
import Synchronization

// MARK: - Large files, two at a time

extension Importer {
  /// Samples of a read-ahead file held in memory at most (about 60 MB); a file with
  /// more is streamed on its own turn instead, so memory stays bounded.
  static let readAheadSamples = 1 << 17

  /// Large files `streamPair` finished, in path order, with their sample counts.
  struct PairResult {
    var files: [(entry: FileEntry, samples: Int)] = []
  }

  /// Streams `entry` on this thread while `next` (if any) is read on another one into
  /// memory, then writes `next`'s samples after `entry`'s: both cores work, sample
  /// numbers stay in path order. If `next` holds more than `readAheadSamples` samples,
  /// its read-ahead stops and it is left for the following call (streamed then).
  func streamPair(
    _ entry: FileEntry, then next: FileEntry?, ordinalBase: Int, writer: BatchWriter, analyzer: FileAnalyzer,
    outcome: inout Outcome
  ) throws -> PairResult {
    var result = PairResult()
    guard let next else {
      let count = try stream(entry, ordinalBase: ordinalBase, writer: writer, analyzer: analyzer, outcome: &outcome)
      result.files.append((entry, count))
      return result
    }
    let ahead = ReadAhead(entry: next, analyzer: analyzer, limit: Self.readAheadSamples)
    ahead.start()
    let count: Int
    do {
      count = try stream(entry, ordinalBase: ordinalBase, writer: writer, analyzer: analyzer, outcome: &outcome)
    } catch {
      ahead.cancelAndWait()
      throw error
    }
    result.files.append((entry, count))
    guard let read = ahead.wait() else { return result }
    let samples = try write(read, of: next, ordinalBase: ordinalBase + count, writer: writer, outcome: &outcome)
    result.files.append((next, samples))
    return result
  }

  /// Writes a file read ahead in full: its row (with its hash) and samples, in batches.
  private func write(
    _ read: ReadAhead.Read, of entry: FileEntry, ordinalBase: Int, writer: BatchWriter, outcome: inout Outcome
  ) throws -> Int {
    outcome.problems += read.file.problems.map { ImportReport.Problem(path: $0.path, reason: $0.reason) }
    guard let mediaType = read.file.mediaType, let sha256 = read.file.sha256, !read.samples.isEmpty else { return 0 }
    var pending: [Sample] = []
    pending.reserveCapacity(Self.sampleBatch)
    var rowQueued = false
    for (offset, analysed) in read.samples.enumerated() {
      pending.append(sample(from: analysed, ordinal: ordinalBase + offset))
      if pending.count >= Self.sampleBatch {
        try submit(
          &pending, of: entry, type: mediaType, sha256: sha256, rowQueued: &rowQueued, to: writer, outcome: &outcome)
      }
    }
    try submit(
      &pending, of: entry, type: mediaType, sha256: sha256, rowQueued: &rowQueued, to: writer, outcome: &outcome)
    outcome.added += 1
    outcome.bytes += entry.size
    return read.samples.count
  }
}
