import Foundation
import Portal
import PortalCore
import PortalMedia
import PortalStore
import PortalTesting
import PortalWorker
import Testing

/// A job that ended without a result, or whose files vanished, starts over: a retry
/// never resumes into output whose files were deleted (the data-loss bug of issue 6).
@Suite struct JobRestartTests {
  static let items = 60
  static let parameters = "{\"items\":60,\"every\":5,\"delayMillis\":15}"

  @Test func aCancelledJobRetriedFromScratchPublishesOnlySamplesThatPreview() throws {
    let fixture = try QueueFixture("cancel-retry")
    defer { fixture.remove() }
    let job = try fixture.enqueue(.testItems, parameters: Self.parameters)[0]
    let id = try #require(job.id)
    let worker = Worker(
      catalog: fixture.catalog, options: WorkerOptions(heartbeatInterval: 0.05, idlePoll: 0.05, allowTestJobs: true),
      handlers: JobHandlers.standard())
    let thread = Thread { worker.run() }
    thread.start()
    defer { worker.stop() }
    // Cancel once some output is staged and covered by a checkpoint.
    #expect(try QueueFixture.waitUntil(20) { try (fixture.job(id)?.progressDone ?? 0) >= 10 })
    try fixture.test.owner.cancelJob(id)
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(id)?.state == .cancelled })
    worker.stop()
    #expect(try fixture.job(id)?.progressDone ?? 0 < Int64(Self.items), "the job ended before it was cancelled")
    #expect(try !fixture.catalog.jobHasCheckpoint(jobID: id))
    #expect(try fixture.catalog.stagingVersionCount(ofJob: id) == 0)

    try fixture.test.owner.retryJob(id)
    #expect(try !fixture.catalog.jobHasCheckpoint(jobID: id))
    Worker(
      catalog: fixture.catalog, options: WorkerOptions(once: true, allowTestJobs: true),
      handlers: JobHandlers.standard()
    ).run()
    let done = try #require(try fixture.job(id))
    #expect(done.state == .succeeded, "\(done.error ?? "")")
    try Self.expectEveryItemPreviews(fixture)
  }

  @Test func aResumedJobWhoseStagedFilesAreGoneStartsOver() throws {
    let fixture = try QueueFixture("resume-missing")
    defer { fixture.remove() }
    let job = try fixture.enqueue(.testItems, parameters: Self.parameters)[0]
    let id = try #require(job.id)
    let worker = Worker(
      catalog: fixture.catalog, options: WorkerOptions(idlePoll: 0.05, allowTestJobs: true),
      handlers: JobHandlers.standard())
    let thread = Thread { worker.run() }
    thread.start()
    #expect(try QueueFixture.waitUntil(20) { try (fixture.job(id)?.progressDone ?? 0) >= 10 })
    // Stopping hands the job back with its checkpoint; then its files disappear.
    worker.stop()
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(id)?.state == .queued })
    #expect(try fixture.catalog.jobHasCheckpoint(jobID: id), "the job ended before the worker stopped")
    try FileManager.default.removeItem(
      at: fixture.test.location.objectsURL.appendingPathComponent("jobs/\(id)", isDirectory: true))

    Worker(
      catalog: fixture.catalog, options: WorkerOptions(once: true, allowTestJobs: true),
      handlers: JobHandlers.standard()
    ).run()
    let done = try #require(try fixture.job(id))
    #expect(done.state == .succeeded, "\(done.error ?? "")")
    try Self.expectEveryItemPreviews(fixture)
  }

  @Test func aRealCleanJobCancelledAndRetriedPublishesEveryDocumentReadably() throws {
    let documents = (0..<400).map {
      "Document \($0): the quick brown fox jumps over the lazy dog, mail \($0)@example.org"
    }
    let fixture = try QueueFixture("clean-cancel-retry", documents: documents)
    defer { fixture.remove() }
    let job = try fixture.enqueue(
      .clean, parameters: "{\"steps\":[\"normalize\",\"pii\",\"dedup\"],\"checkpoint_every\":1}")[0]
    let id = try #require(job.id)
    let worker = Worker(
      catalog: fixture.catalog, options: WorkerOptions(heartbeatInterval: 0.05, idlePoll: 0.05),
      handlers: JobHandlers.standard())
    let thread = Thread { worker.run() }
    thread.start()
    defer { worker.stop() }
    #expect(try QueueFixture.waitUntil(30) { try (fixture.job(id)?.progressDone ?? 0) >= 5 })
    try fixture.test.owner.cancelJob(id)
    #expect(try QueueFixture.waitUntil(30) { try fixture.job(id)?.state.isFinal == true })
    worker.stop()
    try fixture.test.owner.retryJob(id)
    Worker(catalog: fixture.catalog, options: WorkerOptions(once: true), handlers: JobHandlers.standard()).run()
    #expect(try fixture.job(id)?.state == .succeeded)
    let samples = try fixture.test.owner.samples(of: "docs", limit: 1000)
    #expect(samples.count == documents.count)
    for row in samples {
      let preview = try fixture.test.owner.preview("docs", sample: .ordinal(row.sample.ordinal))
      if case .failure(let reason) = preview.content { Issue.record("sample \(row.sample.ordinal): \(reason)") }
    }
  }

  /// Every item 0..<60 is in the current version exactly once and every sample previews.
  static func expectEveryItemPreviews(_ fixture: QueueFixture) throws {
    let samples = try fixture.test.owner.samples(of: "docs", limit: 1000)
    #expect(samples.compactMap(\.sample.excerpt) == (0..<items).map { "item \($0)" })
    for row in samples {
      #expect(FileManager.default.fileExists(atPath: row.path), "\(row.path)")
      let preview = try fixture.test.owner.preview("docs", sample: .ordinal(row.sample.ordinal))
      if case .failure(let reason) = preview.content { Issue.record("sample \(row.sample.ordinal): \(reason)") }
    }
  }
}
