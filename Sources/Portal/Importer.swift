import Dispatch
import Foundation
import Logging
import PortalCore
import PortalMedia
import PortalStore
import Synchronization

/// Reads files into a staging version: small files analysed in parallel chunks (one
/// thread per core) and written in path order, large files streamed in batches.
/// Nothing is visible until the caller publishes the version.
struct Importer {
  let catalog: Catalog
  let staging: StagingVersion
  let progress: @Sendable (ImportProgress) -> Void
  let started: Date
  let logger: Logger

  /// Files at least this large are streamed alone, their samples written in batches,
  /// so memory stays bounded whatever the file.
  static let streamThreshold: Int64 = 16 << 20
  static let chunkFiles = 1024
  static let chunkBytes: Int64 = 64 << 20
  /// Reading this many bytes or more makes an import a bulk one: its staging batches
  /// leave the WAL's fold-back to the next writer (`Catalog.deferCheckpoints`: it
  /// doubled the page writes of the import's only writer thread).
  static let bulkBytes: Int64 = 32 << 20
  static let sampleBatch = 50_000

  /// What reading produced.
  struct Outcome {
    var samples = 0
    var bytes: Int64 = 0
    var problems: [ImportReport.Problem] = []
    var added = 0
    /// The new samples' totals; nil once a file is carried over from an earlier
    /// version (its samples' lengths are not read here), so publishing counts them.
    var totals: VersionTotals? = VersionTotals()

    /// Adds the samples of one file written to the version.
    mutating func count(_ samples: some Collection<Sample>) {
      guard var counted = totals else { return }
      var last: MediaType?
      for sample in samples {
        counted.bytes += sample.length
        if sample.mediaType != last {
          counted.mediaTypes.insert(sample.mediaType)
          last = sample.mediaType
        }
      }
      counted.samples += samples.count
      totals = counted
    }
  }

  /// One unit of work: a file to analyse, or an unchanged file to carry over.
  enum Item: Sendable {
    case analyse(FileEntry)
    case reuse(FileEntry, VersionFileInfo, fromVersion: Int64)

    var entry: FileEntry {
      switch self {
      case .analyse(let entry), .reuse(let entry, _, _): entry
      }
    }
  }

  /// Whether large files are read two at a time by default: with a second core. Once
  /// the writer stopped keeping statement journals, reading a large JSONL file (1.16 µs
  /// of CPU a record) bounded its phase, so the second reader pays off on two cores too
  /// (measured: 2.76-3.05 s, mean 2.90, against 2.63-3.17 s, mean 3.00, five imports
  /// each); before that it took the writer's CPU (4.1 s against 3.96 s).
  static let readAheadByDefault = ProcessInfo.processInfo.activeProcessorCount >= 2

  /// Analyses or carries over `items` in order and appends them to the staging version.
  func run(
    _ items: [Item], analyzer: FileAnalyzer = FileAnalyzer(), readAhead: Bool = Importer.readAheadByDefault
  ) throws -> Outcome {
    try run(ImportFeed(items), analyzer: analyzer, readAhead: readAhead)
  }

  /// Analyses or carries over the items of `feed` in order, as they come, and appends
  /// them to the staging version.
  func run(
    _ feed: ImportFeed, analyzer: FileAnalyzer = FileAnalyzer(), readAhead: Bool = Importer.readAheadByDefault
  ) throws -> Outcome {
    var outcome = Outcome()
    var ordinal = 0
    var bytesDone: Int64 = 0
    var index = 0
    let writer = BatchWriter(catalog: catalog, staging: staging)
    report(.reading, files: 0, of: feed, bytes: 0, samples: 0)
    var bulk = false
    while true {
      let window = feed.window(from: index, count: Self.chunkFiles)
      guard let first = window.first else { break }
      if !bulk && feed.totals.bytes >= Self.bulkBytes {
        // The caller resumes checkpoints after publishing.
        try catalog.deferCheckpoints()
        bulk = true
      }
      // Large files to analyse go a pair at a time: one streamed, the next read ahead.
      if case .analyse(let entry) = first, entry.size >= Self.streamThreshold {
        var next: FileEntry?
        if readAhead, window.count > 1, case .analyse(let following) = window[1],
          following.size >= Self.streamThreshold
        {
          next = following
        }
        let done = try PhaseTimings.measure("import.stream large files (wall)") {
          try streamPair(entry, then: next, ordinalBase: ordinal, writer: writer, analyzer: analyzer, outcome: &outcome)
        }
        for file in done.files {
          ordinal += file.samples
          bytesDone += file.entry.size
        }
        index += done.files.count
        report(.reading, files: index, of: feed, bytes: bytesDone, samples: ordinal)
        continue
      }
      var end = 0
      var chunkBytes: Int64 = 0
      while end < window.count, chunkBytes < Self.chunkBytes {
        if case .analyse(let entry) = window[end], entry.size >= Self.streamThreshold { break }
        chunkBytes += window[end].entry.size
        end += 1
      }
      let chunk = end == window.count ? window : Array(window[..<end])
      let results = PhaseTimings.measure("import.analyse chunks (wall)") { analyse(chunk, analyzer: analyzer) }
      var batch = ImportBatch()
      for (item, result) in zip(chunk, results) {
        switch item {
        case .reuse(_, let info, let fromVersion):
          batch.reusedFiles.append(
            ImportBatch.ReusedFile(fileID: info.fileID, fromVersionID: fromVersion, ordinalBase: ordinal))
          ordinal += info.sampleCount
          outcome.bytes += item.entry.size
          outcome.totals = nil
        case .analyse(let entry):
          guard let result else { continue }
          outcome.problems += result.file.problems.map { ImportReport.Problem(path: $0.path, reason: $0.reason) }
          guard let mediaType = result.file.mediaType, let sha256 = result.file.sha256, !result.samples.isEmpty
          else { continue }
          let samples = result.samples.enumerated().map { offset, analysed in
            sample(from: analysed, ordinal: ordinal + offset)
          }
          ordinal += samples.count
          outcome.count(samples)
          outcome.added += 1
          outcome.bytes += entry.size
          batch.newFiles.append(
            ImportBatch.NewFile(file: sourceFile(entry, sha256: sha256, type: mediaType), samples: samples))
        }
      }
      try PhaseTimings.measure("import.wait for writer") { try writer.submit(batch) }
      bytesDone += chunkBytes
      index += end
      report(.reading, files: index, of: feed, bytes: bytesDone, samples: ordinal)
    }
    try PhaseTimings.measure("import.wait for writer") { try writer.finish() }
    outcome.samples = ordinal
    return outcome
  }

  // MARK: - Parallel analysis of a chunk

  private struct Analysed: Sendable {
    var file: AnalyzedFile
    var samples: [AnalyzedSample]
  }

  private func analyse(_ chunk: [Item], analyzer: FileAnalyzer) -> [Analysed?] {
    let results = Mutex([Analysed?](repeating: nil, count: chunk.count))
    let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, chunk.count))
    let next = Atomic<Int>(0)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      let directories = OpenDirectories()
      defer { directories.release() }
      while true {
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard index < chunk.count else { return }
        guard case .analyse(let entry) = chunk[index] else { continue }
        var samples: [AnalyzedSample] = []
        let file: AnalyzedFile
        do {
          file = try analyzer.analyze(entry, directories: directories) { samples.append($0) }
        } catch {
          var failed = AnalyzedFile(entry: entry)
          failed.problems = [FileProblem(path: entry.path, reason: "\(error)")]
          file = failed
          samples = []
        }
        results.withLock { $0[index] = Analysed(file: file, samples: samples) }
      }
    }
    return results.withLock { $0 }
  }

  // MARK: - Streaming one large file

  /// Reads `entry` once, writing its samples through `writer` in batches as they come:
  /// the first batch inserts the file's row, the others follow it on the writer's queue,
  /// and its hash is set once the file has been read to its end.
  func stream(
    _ entry: FileEntry, ordinalBase: Int, writer: BatchWriter, analyzer: FileAnalyzer, outcome: inout Outcome
  ) throws -> Int {
    var pending: [Sample] = []
    var mediaType: MediaType?
    var rowQueued = false
    var count = 0
    var writeError: (any Error)?
    let file = try analyzer.analyze(entry) { analysed in
      if writeError != nil { return }
      do {
        if mediaType == nil {
          mediaType = analysed.mediaType
          pending.reserveCapacity(Self.sampleBatch)
        }
        pending.append(sample(from: analysed, ordinal: ordinalBase + count))
        count += 1
        if pending.count >= Self.sampleBatch {
          try submit(
            &pending, of: entry, type: analysed.mediaType, sha256: "", rowQueued: &rowQueued, to: writer,
            outcome: &outcome)
          report(.reading, files: 0, of: 0, bytes: 0, of: 0, samples: ordinalBase + count)
        }
      } catch {
        writeError = error
      }
    }
    if let writeError { throw writeError }
    outcome.problems += file.problems.map { ImportReport.Problem(path: $0.path, reason: $0.reason) }
    guard let mediaType else { return 0 }
    let sha256 = file.sha256 ?? ""
    // The hash is known only now: a row queued before carries a placeholder.
    let placeholder = rowQueued
    try submit(
      &pending, of: entry, type: mediaType, sha256: sha256, rowQueued: &rowQueued, to: writer, outcome: &outcome)
    if placeholder { try writer.setHashOfLastFile(sha256) }
    outcome.added += 1
    outcome.bytes += entry.size
    return count
  }

  /// Queues `pending` (samples of `entry`) as one batch and empties it: the first batch
  /// of a file inserts its row, later ones add to it.
  func submit(
    _ pending: inout [Sample], of entry: FileEntry, type: MediaType, sha256: String, rowQueued: inout Bool,
    to writer: BatchWriter, outcome: inout Outcome
  ) throws {
    guard !pending.isEmpty else { return }
    outcome.count(pending)
    try PhaseTimings.measure("import.wait for writer") {
      if rowQueued {
        try writer.submitMoreOfLastFile(pending)
      } else {
        var batch = ImportBatch()
        batch.newFiles = [ImportBatch.NewFile(file: sourceFile(entry, sha256: sha256, type: type), samples: pending)]
        try writer.submit(batch)
        rowQueued = true
      }
    }
    pending = []
    pending.reserveCapacity(Self.sampleBatch)
  }

  // MARK: - Conversions

  func sample(from analysed: AnalyzedSample, ordinal: Int) -> Sample {
    Sample(
      versionID: staging.versionID, ordinal: ordinal, fileID: 0, offset: analysed.offset, length: analysed.length,
      mediaType: analysed.mediaType, sha256: analysed.sha256, durationMillis: analysed.durationMillis,
      width: analysed.width, height: analysed.height, excerpt: analysed.excerpt)
  }

  func sourceFile(_ entry: FileEntry, sha256: String, type: MediaType) -> SourceFile {
    SourceFile(
      datasetID: staging.datasetID, root: entry.root, relativePath: entry.relativePath, size: entry.size,
      mtimeNanos: entry.mtimeNanos, sha256: sha256, mediaType: type)
  }

  /// Reports progress against what the walk has found so far.
  func report(_ phase: ImportProgress.Phase, files: Int, of feed: ImportFeed, bytes: Int64, samples: Int) {
    let totals = feed.totals
    report(phase, files: files, of: totals.files, bytes: bytes, of: totals.bytes, samples: samples)
  }

  func report(
    _ phase: ImportProgress.Phase, files: Int, of total: Int, bytes: Int64, of bytesTotal: Int64, samples: Int
  ) {
    progress(
      ImportProgress(
        phase: phase, filesDone: files, filesTotal: total, bytesDone: bytes, bytesTotal: bytesTotal, samples: samples,
        elapsed: Date().timeIntervalSince(started)))
  }
}
