import Foundation
import PortalCore
import PortalStore
import Synchronization

/// What a handler sees of its job: the claimed job, the catalog, the stop signals the
/// heartbeat raises, progress, checkpoints and staged output — every write guarded by
/// the lease.
public final class JobContext: Sendable {
  /// The job as claimed (attempt already counted).
  public let job: Job
  /// This worker's claim.
  public let lease: JobLease
  /// The catalog.
  public let catalog: Catalog
  /// The worker's options (tool time limit, concurrency).
  public let options: WorkerOptions

  private struct Flags {
    var cancelled = false
    var leaseLost = false
    var shutdown = false
    var done: Int64 = 0
    var total: Int64 = 0
    var started = Date()
    var doneAtStart: Int64 = 0
    var finished = false
    var lastBeat = Date()
    var lastRenewal = Date()
  }

  private let flags = Mutex(Flags())

  init(job: Job, lease: JobLease, catalog: Catalog, options: WorkerOptions) {
    self.job = job
    self.lease = lease
    self.catalog = catalog
    self.options = options
    flags.withLock {
      $0.done = job.progressDone
      $0.doneAtStart = job.progressDone
      $0.total = job.progressTotal
    }
  }

  /// The job's id.
  public var jobID: Int64 { lease.jobID }

  /// Where this job writes its files: `objects/jobs/<id>/` under the catalog, so
  /// content the portal writes stays inside the catalog directory. Names inside are
  /// deterministic, so a re-run overwrites rather than duplicates.
  public var outputDirectory: URL {
    catalog.location.objectsURL.appendingPathComponent("jobs/\(jobID)", isDirectory: true)
  }

  // MARK: - Stopping

  /// Throws when the job must stop: cancelled, taken over, or the worker is stopping.
  public func checkStop() throws {
    let state = flags.withLock { $0 }
    if state.leaseLost { throw JobStop.leaseLost }
    if state.cancelled { throw JobStop.cancelled }
    if state.shutdown { throw JobStop.shutdown }
  }

  /// Whether `checkStop()` would throw (for tool runs that poll).
  public var shouldStop: Bool {
    flags.withLock { $0.leaseLost || $0.cancelled || $0.shutdown }
  }

  func markCancelled() { flags.withLock { $0.cancelled = true } }
  func markFinished() { flags.withLock { $0.finished = true } }
  func markLeaseLost() { flags.withLock { $0.leaseLost = true } }
  func markShutdown() { flags.withLock { $0.shutdown = true } }
  var leaseWasLost: Bool { flags.withLock { $0.leaseLost } }

  // MARK: - Heartbeat

  /// Renews the lease if a beat is due; a lost lease or a cancellation request raises
  /// the flag the handler checks between items. Called by the worker's heartbeat thread.
  func beatIfDue(now: Date = Date()) {
    let due = flags.withLock { state -> Bool in
      guard !state.finished, !state.leaseLost, now.timeIntervalSince(state.lastBeat) >= options.heartbeatInterval * 0.9
      else { return false }
      state.lastBeat = now
      return true
    }
    guard due else { return }
    let progress = progress()
    do {
      let cancel = try catalog.heartbeat(
        lease, leaseFor: options.leaseDuration, done: progress.done, total: progress.total, rate: progress.rate)
      guard let cancel else {
        markLeaseLost()
        return
      }
      flags.withLock {
        $0.lastRenewal = now
        if cancel { $0.cancelled = true }
      }
    } catch {
      // A busy or full disk: keep trying, but stop writing once the lease must have run
      // out, since another worker may own the job by then.
      if flags.withLock({ now.timeIntervalSince($0.lastRenewal) > options.leaseDuration }) { markLeaseLost() }
    }
  }

  // MARK: - Progress

  /// Records progress; the heartbeat writes it with the lease renewal.
  public func setProgress(done: Int64, total: Int64) {
    flags.withLock {
      $0.done = done
      $0.total = total
    }
  }

  /// Progress and items per second since this attempt started.
  func progress() -> (done: Int64, total: Int64, rate: Double) {
    flags.withLock { state in
      let elapsed = Date().timeIntervalSince(state.started)
      let rate = elapsed > 0 ? Double(state.done - state.doneAtStart) / elapsed : 0
      return (state.done, state.total, max(0, rate))
    }
  }

  // MARK: - Checkpoints and output

  /// The checkpoint an earlier attempt saved, decoded; nil when there is none or it
  /// cannot be read (the job then starts over).
  public func savedCheckpoint<T: Decodable>(_ type: T.Type) -> T? {
    guard let text = job.checkpoint, let data = text.data(using: .utf8) else { return nil }
    return try? JSONDecoder().decode(type, from: data)
  }

  /// Saves a checkpoint for a job that writes no version.
  public func saveCheckpoint<T: Encodable>(_ value: T, done: Int64, total: Int64) throws {
    setProgress(done: done, total: total)
    try guarded { try catalog.saveCheckpoint(lease, checkpoint: Self.encode(value), done: done, total: total) }
  }

  /// The staged version an earlier attempt was writing (`resumed`), or a new one. A
  /// staged version whose files are no longer all on disk (deleted, or the disk was
  /// restored) is not resumed: it is dropped with the checkpoint and the job starts over.
  /// When `resumed` is false the caller must ignore its saved checkpoint (a new version
  /// may even reuse the dropped one's id).
  public func stagingVersion(origin: DatasetVersion.Origin, resuming versionID: Int64?) throws -> (
    staging: StagingVersion, resumed: Bool
  ) {
    if let versionID, let staged = try catalog.stagingVersion(ofJob: jobID, versionID: versionID) {
      if try stagedFilesIntact(staged) { return (staged, true) }
      try guarded { try catalog.restartJobOutput(lease) }
      setProgress(done: 0, total: flags.withLock { $0.total })
      flags.withLock { $0.doneAtStart = 0 }
    }
    let fresh = try catalog.beginVersion(
      of: job.datasetID, creating: nil, origin: origin, parameters: job.parameters, createdBy: job.queuedBy,
      jobID: jobID)
    return (fresh, false)
  }

  /// Whether every file the staged version refers to is on disk with its recorded size.
  private func stagedFilesIntact(_ staged: StagingVersion) throws -> Bool {
    try catalog.files(ofVersion: staged.versionID).allSatisfy { file in
      let path = URL(fileURLWithPath: file.root).appendingPathComponent(file.relativePath).path
      let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
      return size?.int64Value == file.size
    }
  }

  /// Writes output and the checkpoint that covers it in one transaction.
  public func append<T: Encodable>(
    _ batch: JobOutputBatch, to staging: StagingVersion, checkpoint: T, done: Int64, total: Int64
  ) throws {
    setProgress(done: done, total: total)
    try guarded {
      try catalog.appendJobOutput(
        batch, to: staging, lease: lease, checkpoint: Self.encode(checkpoint), done: done, total: total)
    }
  }

  /// Runs a lease-guarded write, turning a lost lease into `JobStop.leaseLost`.
  public func guarded<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch JobQueueError.leaseLost {
      markLeaseLost()
      throw JobStop.leaseLost
    }
  }

  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// Decodes the job's JSON parameters.
  public func parameters<T: Decodable>(_ type: T.Type) throws -> T {
    do {
      return try JSONDecoder().decode(type, from: Data(job.parameters.utf8))
    } catch {
      throw JobFailure("the job's parameters cannot be read (\(error)); queue it again", retryable: false)
    }
  }
}
