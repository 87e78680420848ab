import Foundation
import GRDB
import PortalCore

// MARK: - Dropping what an attempt left behind (staged output and checkpoint)

extension Catalog {
  /// Drops job `jobID`'s staged output and checkpoint under its lease, in one
  /// transaction, so its next chunk starts a fresh version from the first item: for an
  /// attempt that finds the files its checkpoint covers gone from disk.
  public func restartJobOutput(_ lease: JobLease, now: Date = Date()) throws {
    try write { db in
      try db.execute(
        sql: "UPDATE job SET progress_done = 0 WHERE id = ? AND state = 'running' AND lease_token = ?",
        arguments: [lease.jobID, lease.token])
      guard db.changesCount == 1 else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
      try Self.dropJobProgress(jobID: lease.jobID, in: db)
    }
  }

  /// Whether the checkpoint of job `jobID` is set (for tests and `jobs show`).
  public func jobHasCheckpoint(jobID: Int64) throws -> Bool {
    try read { db in
      try Bool.fetchOne(
        db, sql: "SELECT checkpoint IS NOT NULL FROM job WHERE id = ?", arguments: [jobID]) ?? false
    }
  }

  /// How many staging versions job `jobID` holds (0 once it ended or restarted).
  public func stagingVersionCount(ofJob jobID: Int64) throws -> Int {
    try read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM dataset_version WHERE job_id = ? AND state = 'staging'", arguments: [jobID]
      ) ?? 0
    }
  }

  /// Inside the caller's transaction: discards the staging versions job `jobID` was
  /// writing and clears its checkpoint. Called wherever a job ends without a result
  /// (cancelled, failed for good) or is queued again from scratch, so no later attempt
  /// can resume into output whose files were deleted.
  static func dropJobProgress(jobID: Int64, in db: Database) throws {
    let staged = try Int64.fetchAll(
      db, sql: "SELECT id FROM dataset_version WHERE job_id = ? AND state = 'staging'", arguments: [jobID])
    for versionID in staged { try discard(versionID, datasetID: nil, in: db) }
    try db.execute(sql: "UPDATE job SET checkpoint = NULL WHERE id = ?", arguments: [jobID])
  }
}
