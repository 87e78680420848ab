import Foundation
import GRDB
import PortalCore

/// Output files a job hands to the catalog with one checkpoint: each file with its
/// samples and, per sample, the input sample it came from.
public struct JobOutputBatch: Sendable {
  /// One output file and its samples.
  public struct File: Sendable {
    public var file: SourceFile
    /// The samples (their `fileID` and `versionID` are filled in) and their sources.
    public var samples: [(sample: Sample, sourceSampleID: Int64?)]

    /// Creates an output file entry.
    public init(file: SourceFile, samples: [(sample: Sample, sourceSampleID: Int64?)]) {
      self.file = file
      self.samples = samples
    }
  }

  public var files: [File] = []

  /// Creates an empty batch.
  public init(files: [File] = []) { self.files = files }
}

/// The result of a PII scan, stored for the publication checklist.
public struct PIIScanRecord: Sendable, Equatable {
  public var samplesScanned: Int
  public var findings: Int
  /// JSON object: type → count.
  public var byType: String

  /// Creates a record.
  public init(samplesScanned: Int, findings: Int, byType: String) {
    self.samplesScanned = samplesScanned
    self.findings = findings
    self.byType = byType
  }
}

extension Catalog {
  /// Writes output files and the checkpoint that covers them in ONE transaction,
  /// guarded by the lease: after a crash the job resumes from a checkpoint that
  /// matches exactly what was written, so no item is written twice or lost.
  public func appendJobOutput(
    _ batch: JobOutputBatch, to staging: StagingVersion, lease: JobLease, checkpoint: String, done: Int64,
    total: Int64, now: Date = Date()
  ) throws {
    try write { db in
      try Self.checkpoint(lease, checkpoint: checkpoint, done: done, total: total, in: db)
      try db.execute(
        sql: "UPDATE dataset_version SET lease_until = ? WHERE id = ? AND state = 'staging' AND job_id = ?",
        arguments: [now.addingTimeInterval(Self.stagingLease), staging.versionID, lease.jobID])
      guard db.changesCount == 1 else {
        throw StoreError.conflict("the job's staged output was discarded after a long stall; run the job again")
      }
      let lastSampleID = try Self.lastSampleID(in: db)
      let insertFile = try db.cachedStatement(
        sql: """
          INSERT INTO source_file (dataset_id, root, relative_path, size, mtime_ns, sha256, media_type)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """)
      let link = try db.cachedStatement(sql: "INSERT OR IGNORE INTO version_file (version_id, file_id) VALUES (?, ?)")
      let insertSample = try db.cachedStatement(
        sql: """
          INSERT INTO sample (version_id, ordinal, file_id, byte_offset, byte_length, media_type, sha256,
                              duration_ms, width, height, language, excerpt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let lineage = try db.cachedStatement(
        sql: "INSERT INTO sample_lineage (sample_id, source_sample_id) VALUES (?, ?)")
      for entry in batch.files {
        let file = entry.file
        try insertFile.execute(arguments: [
          staging.datasetID, file.root, file.relativePath, file.size, file.mtimeNanos, file.sha256,
          file.mediaType.rawValue,
        ])
        let fileID = db.lastInsertedRowID
        try link.execute(arguments: [staging.versionID, fileID])
        for (sample, source) in entry.samples {
          try insertSample.execute(arguments: [
            staging.versionID, sample.ordinal, fileID, sample.offset, sample.length, sample.mediaType.rawValue,
            sample.sha256, sample.durationMillis, sample.width, sample.height, sample.language, sample.excerpt,
          ])
          if let source { try lineage.execute(arguments: [db.lastInsertedRowID, source]) }
        }
      }
      try Self.indexExcerpts(after: lastSampleID, in: db)
    }
  }

  /// The staging version `jobID` was writing, if it still exists (a resumed attempt
  /// continues it; one collected after a long stall means starting over).
  public func stagingVersion(ofJob jobID: Int64, versionID: Int64) throws -> StagingVersion? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql:
            "SELECT dataset_id, number, parent_id FROM dataset_version WHERE id = ? AND job_id = ? AND state = 'staging'",
          arguments: [versionID, jobID])
      else { return nil }
      return StagingVersion(
        datasetID: row["dataset_id"], versionID: versionID, number: row["number"], createsDataset: false,
        parentVersionID: row["parent_id"])
    }
  }

  /// Removes staged output samples that came from `sourceSampleIDs` (documents a
  /// pipeline drops after the stream, such as near-duplicates), under the lease.
  public func removeStagedOutput(
    derivedFrom sourceSampleIDs: [Int64], in staging: StagingVersion, lease: JobLease
  ) throws {
    guard !sourceSampleIDs.isEmpty else { return }
    try write { db in
      guard
        try Bool.fetchOne(
          db, sql: "SELECT EXISTS (SELECT 1 FROM job WHERE id = ? AND state = 'running' AND lease_token = ?)",
          arguments: [lease.jobID, lease.token]) == true
      else { throw JobQueueError.leaseLost(jobID: lease.jobID) }
      let list = "[" + sourceSampleIDs.map(String.init).joined(separator: ",") + "]"
      try db.execute(
        sql: """
          DELETE FROM sample WHERE version_id = ? AND id IN (
            SELECT sample_id FROM sample_lineage WHERE source_sample_id IN (SELECT value FROM json_each(?)))
          """, arguments: [staging.versionID, list])
    }
  }

  /// Completes a job and, when it wrote one, publishes its version — ONE transaction:
  /// the version becomes the dataset's current version, the PII scan (if any) is
  /// recorded against it (or against `scannedVersionID` for a detect-only scan), the job
  /// is marked succeeded with the version as its result, and the audit event is
  /// appended. With `setLanguages` (a language step ran) the dataset's languages become
  /// the distinct languages of the version's samples (`und` left out), audited as
  /// `dataset.languages`. A lost lease rolls all of it back.
  @discardableResult
  public func completeJob(
    _ lease: JobLease, publishing staging: StagingVersion?, report: String, piiScan: PIIScanRecord?,
    scannedVersionID: Int64?, setLanguages: Bool = false, audit: AuditEvent, now: Date = Date()
  ) throws -> Job {
    try write { db in
      var published: Int64?
      if let staging, setLanguages {
        try Self.setLanguages(from: staging, actor: audit.actor, jobID: lease.jobID, now: now, in: db)
      }
      if let staging {
        // The lease is re-checked by `finish` below; publishing first keeps the version
        // row ready before the job points at it, and the rollback covers both.
        let marker = AuditEvent(
          at: now, actor: audit.actor, action: "dataset.version", targetKind: "dataset_version",
          targetID: String(staging.versionID), datasetID: staging.datasetID,
          after: "{\"job\":\(lease.jobID),\"number\":\(staging.number)}")
        _ = try Self.publish(staging, report: report, audit: marker, update: { _ in }, now: now, in: db)
        published = staging.versionID
      }
      let job = try Self.finish(lease, .succeeded, resultVersionID: published, audit: audit, now: now, in: db)
      if let piiScan, let versionID = published ?? scannedVersionID {
        try db.execute(
          sql: """
            INSERT INTO pii_scan (dataset_id, version_id, job_id, samples_scanned, findings, by_type, scanned_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            job.datasetID, versionID, lease.jobID, piiScan.samplesScanned, piiScan.findings, piiScan.byType, now,
          ])
      }
      return job
    }
  }

  /// Sets the dataset's languages to those of the staged version's samples, with an
  /// audit event saying what they were, inside the publishing transaction.
  private static func setLanguages(
    from staging: StagingVersion, actor: String, jobID: Int64, now: Date, in db: Database
  ) throws {
    guard var dataset = try Dataset.fetchOne(db, key: staging.datasetID) else { return }
    let found = try String.fetchAll(
      db,
      sql: """
        SELECT DISTINCT language FROM sample
        WHERE version_id = ? AND language IS NOT NULL AND language NOT IN ('', 'und') ORDER BY language
        """, arguments: [staging.versionID])
    guard found != dataset.languages else { return }
    let before = dataset.languages
    dataset.languages = found
    try dataset.update(db)
    let list = { (languages: [String]) in "[" + languages.map(QuotedString.literal).joined(separator: ",") + "]" }
    try AuditChain.append(
      AuditEvent(
        at: now, actor: actor, action: "dataset.languages", targetKind: "dataset", targetID: String(staging.datasetID),
        datasetID: staging.datasetID, before: "{\"languages\":\(list(before))}",
        after: "{\"job\":\(jobID),\"languages\":\(list(found))}"), in: db)
  }

  /// The newest PII scan of a version, if any.
  public func latestPIIScan(versionID: Int64) throws -> PIIScanRecord? {
    try read { db in
      try Row.fetchOne(
        db, sql: "SELECT * FROM pii_scan WHERE version_id = ? ORDER BY id DESC LIMIT 1", arguments: [versionID]
      ).map { PIIScanRecord(samplesScanned: $0["samples_scanned"], findings: $0["findings"], byType: $0["by_type"]) }
    }
  }

  /// The input sample an output sample came from, if recorded.
  public func sourceSampleID(of sampleID: Int64) throws -> Int64? {
    try read { db in
      try Int64.fetchOne(
        db, sql: "SELECT source_sample_id FROM sample_lineage WHERE sample_id = ?", arguments: [sampleID])
    }
  }

  /// The ids of the samples at `ordinals` in a version.
  public func sampleIDs(ofVersion versionID: Int64, ordinals: [Int]) throws -> [Int64] {
    let list = "[" + ordinals.map(String.init).joined(separator: ",") + "]"
    return try read { db in
      try Int64.fetchAll(
        db, sql: "SELECT id FROM sample WHERE version_id = ? AND ordinal IN (SELECT value FROM json_each(?))",
        arguments: [versionID, list])
    }
  }

  /// How many samples of a version have one of `mediaTypes`.
  public func countSamples(ofVersion versionID: Int64, mediaTypes: [MediaType]) throws -> Int {
    let list = "[" + mediaTypes.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
    return try read { db in
      try Int.fetchOne(
        db,
        sql: "SELECT count(*) FROM sample WHERE version_id = ? AND media_type IN (SELECT value FROM json_each(?))",
        arguments: [versionID, list]) ?? 0
    }
  }
}
