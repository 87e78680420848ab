import Foundation
import GRDB
import PortalCore

// MARK: - The job queue: enqueue, claim, heartbeat, finish, rescue

extension Catalog {
  /// Queues `jobs` with one audit event each, in one transaction. Returns them with ids.
  @discardableResult
  public func enqueue(_ jobs: [Job], audit: @Sendable (Job) -> AuditEvent) throws -> [Job] {
    try write { db in
      try jobs.map { job in
        var job = job
        job.state = .queued
        job.attempt = 0
        try job.insert(db)
        var event = audit(job)
        event.targetID = String(job.id ?? 0)
        try AuditChain.append(event, in: db)
        return job
      }
    }
  }

  /// Whether any job of `kinds` could be claimed now: a cheap read so an idle worker
  /// polls without taking the write lock.
  public func hasClaimableJob(kinds: [Job.Kind], now: Date = Date()) throws -> Bool {
    try read { db in
      try Bool.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT EXISTS (SELECT 1 FROM job INDEXED BY job_ready WHERE state IN ('queued','retryable') AND run_at <= ?
                           AND kind IN (SELECT value FROM json_each(?)))
            """), arguments: [now, Self.kindList(kinds)]) ?? false
    }
  }

  /// Claims the next runnable job of `kinds` (lowest priority number, then oldest): one
  /// `UPDATE … WHERE id = (SELECT … LIMIT 1) RETURNING *` inside `BEGIN IMMEDIATE`, so
  /// two workers can never claim the same job.
  public func claimJob(kinds: [Job.Kind], token: String, leaseFor seconds: TimeInterval, now: Date = Date()) throws
    -> Job?
  {
    try write { db in
      try Job.fetchOne(
        db.cachedStatement(
          sql: """
            UPDATE job SET state = 'running', attempt = attempt + 1, lease_token = ?, lease_until = ?,
                           started_at = coalesce(started_at, ?), claim_checkpoint_seq = checkpoint_seq
            WHERE id = (SELECT id FROM job INDEXED BY job_ready WHERE state IN ('queued','retryable') AND run_at <= ?
                          AND kind IN (SELECT value FROM json_each(?))
                        ORDER BY priority, run_at, id LIMIT 1)
            RETURNING *
            """),
        arguments: [token, now.addingTimeInterval(seconds), now, now, Self.kindList(kinds)])
    }
  }

  /// Renews a lease and records progress. Returns whether cancellation was requested,
  /// or nil when the lease was lost (zero rows changed): the worker must stop without
  /// writing anything more.
  public func heartbeat(
    _ lease: JobLease, leaseFor seconds: TimeInterval, done: Int64, total: Int64, rate: Double, now: Date = Date()
  ) throws -> Bool? {
    try write { db in
      try Bool.fetchOne(
        db.cachedStatement(
          sql: """
            UPDATE job SET lease_until = ?, progress_done = ?, progress_total = ?, rate = ?
            WHERE id = ? AND state = 'running' AND lease_token = ? RETURNING cancel_requested
            """),
        arguments: [now.addingTimeInterval(seconds), done, total, rate, lease.jobID, lease.token])
    }
  }

  /// Saves a checkpoint (and progress) for a job that writes no version.
  public func saveCheckpoint(_ lease: JobLease, checkpoint: String, done: Int64, total: Int64) throws {
    try write { db in
      try Self.checkpoint(lease, checkpoint: checkpoint, done: done, total: total, in: db)
    }
  }

  /// Ends a running job, with its audit event, unless the lease was lost. A failure is
  /// retried (`retryable` at `retryAt`) while attempts remain, else `failed` with the
  /// error kept.
  @discardableResult
  public func finishJob(_ lease: JobLease, _ finish: JobFinish, audit: AuditEvent, now: Date = Date()) throws
    -> Job
  {
    try write { db in try Self.finish(lease, finish, resultVersionID: nil, audit: audit, now: now, in: db) }
  }

  /// Asks a job to stop. A queued job is cancelled at once; a running one is flagged and
  /// its worker stops at its next heartbeat.
  @discardableResult
  public func requestCancel(jobID: Int64, audit: AuditEvent, now: Date = Date()) throws -> Job {
    try write { db in
      guard let before = try Job.fetchOne(db, key: jobID) else { throw JobQueueError.notFound(jobID: jobID) }
      guard !before.state.isFinal else {
        throw JobQueueError.notCancellable(jobID: jobID, state: before.state.rawValue)
      }
      try db.execute(
        sql: """
          UPDATE job SET cancel_requested = 1,
            state = CASE WHEN state IN ('queued','retryable') THEN 'cancelled' ELSE state END,
            finished_at = CASE WHEN state IN ('queued','retryable') THEN ? ELSE finished_at END
          WHERE id = ?
          """, arguments: [now, jobID])
      if before.state == .queued || before.state == .retryable { try Self.dropJobProgress(jobID: jobID, in: db) }
      try AuditChain.append(Self.jobEvent(audit, jobID: jobID, datasetID: before.datasetID), in: db)
      return try Job.fetchOne(db, key: jobID) ?? before
    }
  }

  /// Queues a failed or cancelled job again from its first attempt and from scratch: its
  /// checkpoint and any staged output are dropped in the same transaction (an ended
  /// job's output files are deleted, so resuming would publish samples without files).
  @discardableResult
  public func retryJob(jobID: Int64, audit: AuditEvent, now: Date = Date()) throws -> Job {
    try write { db in
      guard let before = try Job.fetchOne(db, key: jobID) else { throw JobQueueError.notFound(jobID: jobID) }
      guard before.state == .failed || before.state == .cancelled else {
        throw JobQueueError.notRetryable(jobID: jobID, state: before.state.rawValue)
      }
      try db.execute(
        sql: """
          UPDATE job SET state = 'queued', attempt = 0, cancel_requested = 0, error = NULL, run_at = ?,
            lease_token = NULL, lease_until = NULL, finished_at = NULL, progress_done = 0, rate = 0
          WHERE id = ?
          """, arguments: [now, jobID])
      try Self.dropJobProgress(jobID: jobID, in: db)
      try AuditChain.append(Self.jobEvent(audit, jobID: jobID, datasetID: before.datasetID), in: db)
      return try Job.fetchOne(db, key: jobID) ?? before
    }
  }

  /// Hands a running job back to the queue without counting the attempt (its worker is
  /// shutting down, not failing). Its checkpoint stays, so the next claim resumes. Not
  /// audited: the job's state as people see it (queued, to run) does not change.
  public func releaseJob(_ lease: JobLease) throws {
    try write { db in
      try db.execute(
        sql: """
          UPDATE job SET state = CASE WHEN attempt > 1 THEN 'retryable' ELSE 'queued' END,
            attempt = max(0, attempt - 1), lease_token = NULL, lease_until = NULL
          WHERE id = ? AND state = 'running' AND lease_token = ?
          """, arguments: [lease.jobID, lease.token])
    }
  }

  // MARK: - Reads

  /// Jobs, newest first, optionally of one dataset and in some states.
  public func jobs(datasetIDs: [Int64]? = nil, states: [Job.State]? = nil, limit: Int = 100) throws -> [JobRow] {
    try read { db in
      var conditions: [String] = []
      var arguments: StatementArguments = []
      if let datasetIDs {
        conditions.append("j.dataset_id IN (SELECT value FROM json_each(?))")
        _ = arguments.append(contentsOf: [Self.jsonList(datasetIDs.map(String.init))])
      }
      if let states {
        conditions.append("j.state IN (SELECT value FROM json_each(?))")
        _ = arguments.append(contentsOf: [Self.jsonList(states.map { "\"\($0.rawValue)\"" })])
      }
      _ = arguments.append(contentsOf: [limit])
      let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
      return try Row.fetchAll(
        db, sql: Self.jobRowSQL + " \(whereClause) ORDER BY j.id DESC LIMIT ?", arguments: arguments
      ).map(Self.jobRow)
    }
  }

  /// One job with its names, or nil.
  public func job(id: Int64) throws -> JobRow? {
    try read { db in
      try Row.fetchOne(db, sql: Self.jobRowSQL + " WHERE j.id = ?", arguments: [id]).map(Self.jobRow)
    }
  }

  /// How many jobs are in each state.
  public func jobCounts() throws -> [Job.State: Int] {
    try read { db in
      var counts: [Job.State: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM job GROUP BY state") {
        if let state = Job.State(rawValue: row["state"]) { counts[state] = row["n"] }
      }
      return counts
    }
  }

  // MARK: - Helpers shared with Catalog+JobOutput

  static func checkpoint(_ lease: JobLease, checkpoint: String, done: Int64, total: Int64, in db: Database) throws {
    try db.execute(
      sql: """
        UPDATE job SET checkpoint = ?, progress_done = ?, progress_total = ?, checkpoint_seq = checkpoint_seq + 1
        WHERE id = ? AND state = 'running' AND lease_token = ?
        """, arguments: [checkpoint, done, total, lease.jobID, lease.token])
    guard db.changesCount == 1 else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
  }

  static func finish(
    _ lease: JobLease, _ finish: JobFinish, resultVersionID: Int64?, audit: AuditEvent, now: Date, in db: Database
  ) throws -> Job {
    let guardClause = "WHERE id = ? AND state = 'running' AND lease_token = ? RETURNING *"
    let job: Job?
    switch finish {
    case .succeeded:
      job = try Job.fetchOne(
        db.cachedStatement(
          sql: """
            UPDATE job SET state = 'succeeded', finished_at = ?, result_version_id = ?, error = NULL,
              progress_done = max(progress_done, progress_total), lease_token = NULL, lease_until = NULL
            \(guardClause)
            """), arguments: [now, resultVersionID, lease.jobID, lease.token])
    case .cancelled:
      job = try Job.fetchOne(
        db.cachedStatement(
          sql: """
            UPDATE job SET state = 'cancelled', finished_at = ?, lease_token = NULL, lease_until = NULL
            \(guardClause)
            """), arguments: [now, lease.jobID, lease.token])
    case .failed(let error, let retryAt):
      job = try Job.fetchOne(
        db.cachedStatement(
          sql: """
            UPDATE job SET
              state = CASE WHEN ? IS NOT NULL AND attempt < max_attempts AND cancel_requested = 0
                           THEN 'retryable' ELSE 'failed' END,
              run_at = coalesce(?, run_at), error = ?, lease_token = NULL, lease_until = NULL,
              finished_at = CASE WHEN ? IS NOT NULL AND attempt < max_attempts AND cancel_requested = 0
                                 THEN NULL ELSE ? END
            \(guardClause)
            """), arguments: [retryAt, retryAt, error, retryAt, now, lease.jobID, lease.token])
    }
    guard let job else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
    if job.state == .cancelled || job.state == .failed { try dropJobProgress(jobID: lease.jobID, in: db) }
    var event = audit
    event.datasetID = job.datasetID
    event.targetKind = "job"
    event.targetID = String(lease.jobID)
    if case .failed = finish, job.state == .retryable { event.action = "job.retry-scheduled" }
    try AuditChain.append(event, in: db)
    return job
  }

  /// The event as one about job `jobID`, whatever the caller filled in.
  private static func jobEvent(_ audit: AuditEvent, jobID: Int64, datasetID: Int64) -> AuditEvent {
    var event = audit
    event.targetKind = "job"
    event.targetID = String(jobID)
    event.datasetID = datasetID
    return event
  }

  private static func kindList(_ kinds: [Job.Kind]) -> String {
    jsonList(kinds.map { "\"\($0.rawValue)\"" })
  }

  private static func jsonList(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

  private static let jobRowSQL = """
    SELECT j.*, d.slug AS d_slug, d.name AS d_name, u.login AS u_login,
           (SELECT number FROM dataset_version WHERE id = j.version_id) AS in_number,
           (SELECT number FROM dataset_version WHERE id = j.result_version_id) AS out_number
    FROM job j JOIN dataset d ON d.id = j.dataset_id JOIN user u ON u.id = j.queued_by
    """

  private static func jobRow(_ row: Row) throws -> JobRow {
    JobRow(
      job: try Job(row: row), datasetSlug: row["d_slug"], datasetName: row["d_name"], queuedByLogin: row["u_login"],
      inputVersionNumber: row["in_number"], resultVersionNumber: row["out_number"])
  }
}
