import Foundation
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// A rescue spends an attempt only when the job made no progress since its claim: a long
/// job whose worker is killed several times still finishes.
@Suite struct RescueAttemptTests {
  let kinds: [Job.Kind] = [.testItems]

  @Test func aRescueAfterACheckpointDoesNotSpendTheAttempt() throws {
    let fixture = try QueueFixture("rescue-progress")
    defer { fixture.remove() }
    let id = try #require(try fixture.enqueue(.testItems, maxAttempts: 1)[0].id)
    let claimed = try #require(try fixture.catalog.claimJob(kinds: kinds, token: "box/1/a", leaseFor: -1))
    #expect(claimed.attempt == 1)
    try fixture.catalog.saveCheckpoint(JobLease(jobID: id, token: "box/1/a"), checkpoint: "{}", done: 1, total: 9)
    let rescued = try fixture.catalog.rescueExpiredJobs(actor: "worker")
    #expect(rescued.map(\.id) == [id])
    let job = try #require(try fixture.job(id))
    #expect(job.state == .retryable)
    #expect(job.attempt == 0)
    #expect(job.error?.contains("does not count as a failed attempt") == true)
    #expect(job.checkpoint == "{}")

    // The next claim saves nothing before its worker dies: that rescue counts.
    _ = try #require(try fixture.catalog.claimJob(kinds: kinds, token: "box/1/b", leaseFor: -1, now: Date() + 1))
    try fixture.catalog.rescueExpiredJobs(actor: "worker", now: Date() + 2)
    let failed = try #require(try fixture.job(id))
    #expect(failed.state == .failed)
    #expect(failed.attempt == 1)
    #expect(failed.error?.hasSuffix("(lease expired)") == true)
  }

  @Test func aCancelledJobsRescueStillCancels() throws {
    let fixture = try QueueFixture("rescue-cancel")
    defer { fixture.remove() }
    let id = try #require(try fixture.enqueue(.testItems, maxAttempts: 3)[0].id)
    _ = try fixture.catalog.claimJob(kinds: kinds, token: "box/1/a", leaseFor: -1)
    try fixture.catalog.saveCheckpoint(JobLease(jobID: id, token: "box/1/a"), checkpoint: "{}", done: 1, total: 9)
    try fixture.catalog.write { db in
      try db.execute(sql: "UPDATE job SET cancel_requested = 1 WHERE id = ?", arguments: [id])
    }
    try fixture.catalog.rescueExpiredJobs(actor: "worker")
    #expect(try fixture.job(id)?.state == .cancelled)
  }

  /// Real `portal worker` processes, each SIGKILLed after the job moved forward, more
  /// times than the job has attempts: it still succeeds, every item once.
  @Test func aLongJobKilledMoreTimesThanItsAttemptsStillFinishes() throws {
    let fixture = try QueueFixture("rescue-kills")
    defer { fixture.remove() }
    let items = 60
    let id = try #require(
      try fixture.enqueue(
        .testItems, parameters: "{\"items\":\(items),\"every\":2,\"delayMillis\":20}", maxAttempts: 2)[0].id)
    let fast = ["--once", "--quiet", "--rescue-every", "0.1", "--retry-delay", "0.01"]
    var seen: Int64 = 0
    for _ in 0..<4 {
      let worker = try fixture.startWorker(fast)
      // Kill once this worker has saved at least one checkpoint of its own.
      let moved = try QueueFixture.waitUntil(30) {
        let job = try fixture.job(id)
        return job?.state == .running && (job?.progressDone ?? 0) >= seen + 2
      }
      kill(worker.pid, SIGKILL)
      _ = worker.wait()
      #expect(moved, "the worker saved no progress")
      seen = try fixture.job(id)?.progressDone ?? 0
      #expect(try fixture.job(id)?.state != .failed, "a rescue spent an attempt although the job moved on")
    }
    #expect(seen < Int64(items), "the job finished before the last kill")
    let last = try fixture.startWorker(fast)
    #expect(last.wait().status == 0)
    let job = try #require(try fixture.job(id))
    #expect(job.state == .succeeded, "\(job.error ?? "")")
    let excerpts = try fixture.catalog.read { db in
      try String.fetchAll(
        db, sql: "SELECT excerpt FROM sample WHERE version_id = ? ORDER BY ordinal", arguments: [job.resultVersionID])
    }
    #expect(excerpts == (0..<items).map { "item \($0)" })
  }
}
