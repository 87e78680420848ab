import Foundation
import GRDB
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// The queue's state machine, driven through the catalog's job SQL directly.
@Suite struct QueueStateTests {
  let kinds: [Job.Kind] = [.testNoop, .testSleep]

  @Test func claimsByPriorityThenRunAtThenID() throws {
    let fixture = try QueueFixture("claim-order")
    defer { fixture.remove() }
    let low = try fixture.enqueue(.testNoop, priority: 200)[0]
    let first = try fixture.enqueue(.testNoop, count: 2, priority: 50)
    let claimed = try (0..<3).compactMap { _ in
      try fixture.catalog.claimJob(kinds: kinds, token: "h/1/x", leaseFor: 30)?.id
    }
    #expect(claimed == [first[0].id, first[1].id, low.id].compactMap { $0 })
    #expect(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/y", leaseFor: 30) == nil)
  }

  @Test func claimSkipsOtherKindsAndFutureRuns() throws {
    let fixture = try QueueFixture("claim-filter")
    defer { fixture.remove() }
    try fixture.enqueue(.testCrash)
    #expect(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/x", leaseFor: 30) == nil)
    let job = try fixture.enqueue(.testNoop)[0]
    try fixture.catalog.write { db in
      try db.execute(sql: "UPDATE job SET run_at = ? WHERE id = ?", arguments: [Date() + 60, job.id])
    }
    #expect(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/x", leaseFor: 30) == nil)
    #expect(try fixture.catalog.hasClaimableJob(kinds: kinds, now: Date() + 120))
  }

  @Test func claimCountsTheAttemptAndTakesTheLease() throws {
    let fixture = try QueueFixture("claim-lease")
    defer { fixture.remove() }
    try fixture.enqueue(.testNoop)
    let job = try #require(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/a", leaseFor: 30))
    #expect(job.state == .running)
    #expect(job.attempt == 1)
    #expect(job.leaseToken == "h/1/a")
    #expect(job.startedAt != nil)
  }

  @Test func heartbeatWithAnotherTokenChangesNothing() throws {
    let fixture = try QueueFixture("heartbeat")
    defer { fixture.remove() }
    try fixture.enqueue(.testNoop)
    let job = try #require(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/a", leaseFor: 30))
    let mine = JobLease(jobID: job.id ?? 0, token: "h/1/a")
    #expect(try fixture.catalog.heartbeat(mine, leaseFor: 30, done: 1, total: 2, rate: 1) == false)
    let stale = JobLease(jobID: job.id ?? 0, token: "h/2/b")
    #expect(try fixture.catalog.heartbeat(stale, leaseFor: 30, done: 9, total: 9, rate: 1) == nil)
    #expect(try fixture.job(job.id)?.progressDone == 1)
    #expect(throws: JobQueueError.leaseLost(jobID: job.id ?? 0)) {
      try fixture.catalog.finishJob(stale, .succeeded, audit: Self.event())
    }
  }

  @Test func failureIsRetriedWithBackoffThenFailsKeepingTheError() throws {
    let fixture = try QueueFixture("fail")
    defer { fixture.remove() }
    let id = try fixture.enqueue(.testNoop, maxAttempts: 2)[0].id
    var job = try #require(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/a", leaseFor: 30))
    let retryAt = Date() + 0.05
    job = try fixture.catalog.finishJob(
      JobLease(jobID: id ?? 0, token: "h/1/a"), .failed(error: "boom 1", retryAt: retryAt), audit: Self.event())
    #expect(job.state == .retryable)
    #expect(job.error == "boom 1")
    #expect(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/b", leaseFor: 30) == nil)
    #expect(try QueueFixture.waitUntil(5) { try fixture.catalog.hasClaimableJob(kinds: kinds) })
    job = try #require(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/b", leaseFor: 30))
    #expect(job.attempt == 2)
    job = try fixture.catalog.finishJob(
      JobLease(jobID: id ?? 0, token: "h/1/b"), .failed(error: "boom 2", retryAt: Date()), audit: Self.event())
    #expect(job.state == .failed)
    #expect(job.error == "boom 2")
    #expect(job.finishedAt != nil)
    #expect(try fixture.auditActions(job: id) == ["job.queue", "job.retry-scheduled", "job.test"])
  }

  @Test func cancellingAQueuedJobEndsItAtOnce() throws {
    let fixture = try QueueFixture("cancel-queued")
    defer { fixture.remove() }
    let id = try fixture.enqueue(.testNoop)[0].id ?? 0
    let job = try fixture.catalog.requestCancel(jobID: id, audit: Self.event())
    #expect(job.state == .cancelled)
    #expect(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/a", leaseFor: 30) == nil)
    #expect(throws: JobQueueError.notCancellable(jobID: id, state: "cancelled")) {
      try fixture.catalog.requestCancel(jobID: id, audit: Self.event())
    }
  }

  @Test func cancellingARunningJobIsSeenAtTheNextHeartbeatAndNotRetried() throws {
    let fixture = try QueueFixture("cancel-running")
    defer { fixture.remove() }
    let id = try fixture.enqueue(.testNoop)[0].id ?? 0
    _ = try fixture.catalog.claimJob(kinds: kinds, token: "h/1/a", leaseFor: 30)
    let lease = JobLease(jobID: id, token: "h/1/a")
    #expect(try fixture.catalog.requestCancel(jobID: id, audit: Self.event()).state == .running)
    #expect(try fixture.catalog.heartbeat(lease, leaseFor: 30, done: 0, total: 0, rate: 0) == true)
    // Even a failure reported after the request ends the job: a cancelled job is not retried.
    let ended = try fixture.catalog.finishJob(lease, .failed(error: "stopped", retryAt: Date()), audit: Self.event())
    #expect(ended.state == .failed)
    #expect(try fixture.catalog.claimJob(kinds: kinds, token: "h/1/b", leaseFor: 30) == nil)
  }

  @Test func retryQueuesAFailedJobFromTheFirstAttempt() throws {
    let fixture = try QueueFixture("retry")
    defer { fixture.remove() }
    let id = try fixture.enqueue(.testNoop, maxAttempts: 1)[0].id ?? 0
    _ = try fixture.catalog.claimJob(kinds: kinds, token: "h/1/a", leaseFor: 30)
    try fixture.catalog.finishJob(
      JobLease(jobID: id, token: "h/1/a"), .failed(error: "x", retryAt: nil), audit: Self.event())
    let queued = try fixture.catalog.retryJob(jobID: id, audit: Self.event())
    #expect(queued.state == .queued)
    #expect(queued.attempt == 0)
    #expect(throws: JobQueueError.notRetryable(jobID: id, state: "queued")) {
      try fixture.catalog.retryJob(jobID: id, audit: Self.event())
    }
  }

  @Test func rescueReturnsExpiredLeasesOnlyAndFailsExhaustedJobs() throws {
    let fixture = try QueueFixture("rescue")
    defer { fixture.remove() }
    let ids = try fixture.enqueue(.testNoop, count: 3, maxAttempts: 1).compactMap(\.id)
    for token in ["h/1/a", "h/1/b", "h/1/c"] {
      _ = try fixture.catalog.claimJob(kinds: kinds, token: token, leaseFor: token == "h/1/c" ? 60 : -1)
    }
    try fixture.catalog.write { db in
      try db.execute(sql: "UPDATE job SET max_attempts = 3 WHERE id = ?", arguments: [ids[0]])
      try db.execute(sql: "UPDATE job SET cancel_requested = 1 WHERE id = ?", arguments: [ids[1]])
    }
    let rescued = try fixture.catalog.rescueExpiredJobs(actor: "worker")
    #expect(Set(rescued.compactMap(\.id)) == Set(ids.prefix(2)))
    #expect(try fixture.job(ids[0])?.state == .retryable)
    #expect(try fixture.job(ids[0])?.error?.contains("lease expired") == true)
    #expect(try fixture.job(ids[1])?.state == .cancelled)
    #expect(try fixture.job(ids[2])?.state == .running)
    #expect(try fixture.auditActions(job: ids[0]).last == "job.rescue")
  }

  @Test func deadWorkersJobsAreRescuedWithoutWaitingForTheLease() throws {
    let fixture = try QueueFixture("dead-holder")
    defer { fixture.remove() }
    let ids = try fixture.enqueue(.testNoop, count: 2, maxAttempts: 1).compactMap(\.id)
    _ = try fixture.catalog.claimJob(kinds: kinds, token: "box/4242/a", leaseFor: 600)
    _ = try fixture.catalog.claimJob(kinds: kinds, token: "box/77/b", leaseFor: 600)
    let rescued = try fixture.catalog.rescueJobsOfDeadWorkers(
      host: "box", isAlive: { $0 == 77 }, actor: "worker")
    #expect(rescued.map(\.id) == [ids[0]])
    let failed = try #require(try fixture.job(ids[0]))
    #expect(failed.state == .failed)
    #expect(failed.error == "attempt 1 of 1: its worker process (pid 4242 on box) exited while running it")
    #expect(try fixture.job(ids[1])?.state == .running)
  }

  @Test func backoffDoublesWithBoundedJitterUpToTheCap() {
    let policy = JobRetryPolicy(baseDelay: 10, maxDelay: 100, jitter: 0.25)
    #expect(policy.delay(afterAttempt: 1, random: 0.5) == 10)
    #expect(policy.delay(afterAttempt: 2, random: 0.5) == 20)
    #expect(policy.delay(afterAttempt: 3, random: 0) == 30)
    #expect(policy.delay(afterAttempt: 3, random: 1) == 50)
    #expect(policy.delay(afterAttempt: 30, random: 0.5) == 100)
    #expect(JobRetryPolicy.shouldRetry(attempt: 2, maxAttempts: 3, retryable: true))
    #expect(!JobRetryPolicy.shouldRetry(attempt: 3, maxAttempts: 3, retryable: true))
    #expect(!JobRetryPolicy.shouldRetry(attempt: 1, maxAttempts: 3, retryable: false))
  }

  @Test func leaseTokensNameTheirHolder() throws {
    let token = JobLease.makeToken(host: "station/1", pid: 321)
    let holder = try #require(JobLease.holder(of: token))
    #expect(holder.host == "station_1")
    #expect(holder.pid == 321)
    #expect(JobLease.holder(of: "not a token") == nil)
  }

  static func event() -> AuditEvent {
    AuditEvent(at: Date(), actor: "test", action: "job.test", targetKind: "job", targetID: "0")
  }
}
