import Dispatch
import PortalStore
import Synchronization

/// Writes import batches on a background queue, one at a time, so reading and hashing
/// the next files overlaps with the database write of the previous ones. At most one
/// batch is in flight; the first error stops further writes and is rethrown.
final class BatchWriter: Sendable {
  private let catalog: Catalog
  private let staging: StagingVersion
  private let queue = DispatchQueue(label: "portal.import.writer")
  private let inFlight = DispatchSemaphore(value: 1)
  private let failure = Mutex<(any Error)?>(nil)

  init(catalog: Catalog, staging: StagingVersion) {
    self.catalog = catalog
    self.staging = staging
  }

  /// Queues `batch`, waiting first for the previous one; throws an earlier failure.
  func submit(_ batch: ImportBatch) throws {
    guard !batch.isEmpty else { return }
    inFlight.wait()
    if let error = failure.withLock({ $0 }) {
      inFlight.signal()
      throw error
    }
    queue.async { [self] in
      do {
        try catalog.append(batch, to: staging)
      } catch {
        failure.withLock { $0 = $0 ?? error }
      }
      inFlight.signal()
    }
  }

  /// Waits for the last batch and rethrows any failure.
  func finish() throws {
    inFlight.wait()
    inFlight.signal()
    if let error = failure.withLock({ $0 }) { throw error }
  }
}
