import Foundation
import GRDB
import PortalCore

// MARK: - Rescuing jobs whose worker died or stalled

extension Catalog {
  /// Returns running jobs whose lease ran out to the queue (or to `failed` when their
  /// attempts are used up, `cancelled` when cancellation was asked): ONE statement that
  /// re-checks `state = 'running' AND lease_until < now` while it writes, so a
  /// heartbeat that lands first wins. Each rescued job gets an audit event by `actor`.
  @discardableResult
  public func rescueExpiredJobs(actor: String, retryAt: Date? = nil, now: Date = Date()) throws -> [Job] {
    try write { db in
      let rescued = try Job.fetchAll(
        db,
        sql: Self.rescueSQL(where: "state = 'running' AND lease_until < ?"),
        arguments: [
          "its worker stopped responding (lease expired)", retryAt ?? now, now, now,
        ])
      try Self.auditRescues(rescued, actor: actor, now: now, in: db)
      return rescued
    }
  }

  /// Rescues at once the running jobs held by processes on `host` that no longer exist
  /// (a worker killed or crashed), without waiting for their leases to run out. Each
  /// update names the dead holder's token, so a live worker's job is never touched.
  @discardableResult
  public func rescueJobsOfDeadWorkers(
    host: String, isAlive: @Sendable (Int32) -> Bool, actor: String, retryAt: Date? = nil, now: Date = Date()
  ) throws -> [Job] {
    let running = try read { db in
      try Row.fetchAll(db, sql: "SELECT id, lease_token FROM job WHERE state = 'running' AND lease_token IS NOT NULL")
        .map { (id: $0["id"] as Int64, token: $0["lease_token"] as String) }
    }
    let candidates = running.compactMap { entry -> (Int64, String, Int32)? in
      guard let holder = JobLease.holder(of: entry.token), holder.host == host, !isAlive(holder.pid) else {
        return nil
      }
      return (entry.id, entry.token, holder.pid)
    }
    guard !candidates.isEmpty else { return [] }
    return try write { db in
      var rescued: [Job] = []
      for (id, token, pid) in candidates {
        rescued += try Job.fetchAll(
          db, sql: Self.rescueSQL(where: "id = ? AND state = 'running' AND lease_token = ?"),
          arguments: [
            "its worker process (pid \(pid) on \(host)) exited while running it", retryAt ?? now, now, id, token,
          ])
      }
      try Self.auditRescues(rescued, actor: actor, now: now, in: db)
      return rescued
    }
  }

  // MARK: - Helpers

  private static func rescueSQL(where condition: String) -> String {
    // Arguments: reason, now (run_at), now (finished_at), then the condition's. A job
    // that saved a checkpoint since its claim moved forward: the rescue hands the attempt
    // back instead of counting it (every expression reads the row as it was).
    """
    UPDATE job SET
      state = CASE WHEN cancel_requested = 1 THEN 'cancelled'
                   WHEN attempt >= max_attempts AND checkpoint_seq <= claim_checkpoint_seq THEN 'failed'
                   ELSE 'retryable' END,
      attempt = CASE WHEN cancel_requested = 0 AND checkpoint_seq > claim_checkpoint_seq THEN attempt - 1
                     ELSE attempt END,
      error = 'attempt ' || attempt || ' of ' || max_attempts || ': ' || ?
        || CASE WHEN checkpoint_seq > claim_checkpoint_seq
                THEN ' (it had saved progress, so this does not count as a failed attempt)' ELSE '' END,
      lease_token = NULL, lease_until = NULL, run_at = ?,
      finished_at = CASE WHEN cancel_requested = 1 OR (attempt >= max_attempts AND checkpoint_seq <= claim_checkpoint_seq)
                         THEN ? ELSE NULL END
    WHERE \(condition)
    RETURNING *
    """
  }

  private static func auditRescues(_ jobs: [Job], actor: String, now: Date, in db: Database) throws {
    for job in jobs {
      // A job that ended here will not resume: drop its staged output with it.
      if job.state != .retryable { try dropJobProgress(jobID: job.id ?? 0, in: db) }
      let action = job.state == .retryable ? "job.rescue" : job.state == .failed ? "job.fail" : "job.cancelled"
      let after = "{\"state\":\"\(job.state.rawValue)\",\"attempt\":\(job.attempt)}"
      try AuditChain.append(
        AuditEvent(
          at: now, actor: actor, action: action, targetKind: "job", targetID: String(job.id ?? 0),
          datasetID: job.datasetID, after: after), in: db)
    }
  }
}
