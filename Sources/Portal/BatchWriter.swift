import Dispatch
import PortalCore
import PortalStore
import Synchronization

/// Writes import batches on a background queue, in order, so reading and hashing the
/// next files overlaps with the database writes of the previous ones. Up to `depth`
/// batches wait in the queue (so the reader is not held up while a large file read
/// ahead is written); the first error stops further writes and is rethrown.
final class BatchWriter: Sendable {
  /// Batches queued at most (each up to `Importer.sampleBatch` samples, ~20 MB).
  static let depth = 3

  private let catalog: Catalog
  private let staging: StagingVersion
  private let queue = DispatchQueue(label: "portal.import.writer")
  /// Starts the disk on each batch's pages (`Catalog.startWALWriteBack`) off the
  /// writer's thread; one request at a time is enough.
  private let writeBack = DispatchQueue(label: "portal.import.write-back", qos: .utility)
  private let writeBackPending = Atomic<Bool>(false)
  private let inFlight = DispatchSemaphore(value: BatchWriter.depth)
  private let failure = Mutex<(any Error)?>(nil)
  /// The id of the last file a batch inserted (only the queue touches it).
  private let lastFileID = Mutex<Int64?>(nil)

  init(catalog: Catalog, staging: StagingVersion) {
    self.catalog = catalog
    self.staging = staging
  }

  /// Queues `batch`; throws an earlier failure.
  func submit(_ batch: ImportBatch) throws {
    guard !batch.isEmpty else { return }
    try enqueue { [self] in
      let ids = try catalog.append(batch, to: staging)
      if let last = ids.last { lastFileID.withLock { $0 = last } }
    }
  }

  /// Queues more samples of the file the last queued batch inserted (a large file
  /// written in several batches), so the reader need not wait for its row id.
  func submitMoreOfLastFile(_ samples: [Sample]) throws {
    guard !samples.isEmpty else { return }
    try enqueue { [self] in
      guard let fileID = lastFileID.withLock({ $0 }) else { return }
      var batch = ImportBatch()
      batch.moreSamples = samples
      batch.moreSamplesFileID = fileID
      try catalog.append(batch, to: staging)
    }
  }

  /// Queues the hash of the file the last batch inserted, known once it is read whole.
  func setHashOfLastFile(_ sha256: String) throws {
    try enqueue { [self] in
      guard let fileID = lastFileID.withLock({ $0 }) else { return }
      try catalog.setFileHash(fileID: fileID, sha256: sha256, staging: staging)
    }
  }

  /// Waits for every queued batch and rethrows any failure.
  func finish() throws {
    for _ in 0..<Self.depth { inFlight.wait() }
    for _ in 0..<Self.depth { inFlight.signal() }
    if let error = failure.withLock({ $0 }) { throw error }
  }

  private func startWriteBack() {
    guard !writeBackPending.exchange(true, ordering: .acquiringAndReleasing) else { return }
    writeBack.async { [self] in
      writeBackPending.store(false, ordering: .releasing)
      catalog.startWALWriteBack()
    }
  }

  private func enqueue(_ work: @escaping @Sendable () throws -> Void) throws {
    inFlight.wait()
    if let error = failure.withLock({ $0 }) {
      inFlight.signal()
      throw error
    }
    queue.async { [self] in
      // After a failure nothing more is written: the import is abandoned.
      if failure.withLock({ $0 }) == nil {
        do {
          try work()
          startWriteBack()
        } catch {
          failure.withLock { $0 = $0 ?? error }
        }
      }
      inFlight.signal()
    }
  }
}
