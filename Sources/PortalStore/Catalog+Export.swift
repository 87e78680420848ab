import Foundation
import GRDB
import PortalCore

// MARK: - What a delivery bundle reads, and its audit event

extension Catalog {
  /// The files of a version with their recorded hashes, by relative path.
  public func sourceFiles(ofVersion versionID: Int64) throws -> [SourceFile] {
    try read { db in
      try SourceFile.fetchAll(
        db,
        sql: """
          SELECT f.* FROM version_file vf JOIN source_file f ON f.id = vf.file_id
          WHERE vf.version_id = ? ORDER BY f.relative_path, f.id
          """, arguments: [versionID])
    }
  }

  /// Samples of one file in a version with `ordinal >= from`, in order.
  public func samples(ofVersion versionID: Int64, fileID: Int64, from: Int, limit: Int) throws -> [Sample] {
    try read { db in
      try Sample.fetchAll(
        db,
        sql: "SELECT * FROM sample WHERE version_id = ? AND file_id = ? AND ordinal >= ? ORDER BY ordinal LIMIT ?",
        arguments: [versionID, fileID, from, limit])
    }
  }

  /// The PII scans of a version, newest first.
  public func piiScans(ofVersion versionID: Int64) throws -> [PIIScan] {
    try read { db in
      try PIIScan.fetchAll(
        db, sql: "SELECT * FROM pii_scan WHERE version_id = ? ORDER BY scanned_at DESC, id DESC",
        arguments: [versionID])
    }
  }

  /// Samples per modality of a version ("text": 11).
  public func sampleCountsByModality(ofVersion versionID: Int64) throws -> [String: Int] {
    try read { db in
      let rows = try Row.fetchAll(
        db, sql: "SELECT media_type, count(*) AS n FROM sample WHERE version_id = ? GROUP BY media_type",
        arguments: [versionID])
      var counts: [String: Int] = [:]
      for row in rows {
        let type: String = row["media_type"]
        let modality = MediaType(rawValue: type)?.modality.rawValue ?? "other"
        counts[modality, default: 0] += row["n"] as Int
      }
      return counts
    }
  }

  /// Every audit event of a dataset, oldest first (no limit: a bundle carries them all).
  public func allAuditEvents(ofDataset datasetID: Int64) throws -> [AuditEvent] {
    try read { try AuditEvent.filter(Column("dataset_id") == datasetID).order(Column("id")).fetchAll($0) }
  }

  /// Records that a bundle was written: one transaction holding only its audit event.
  @discardableResult
  public func recordExport(audit: AuditEvent) throws -> AuditEvent {
    try write { db in try AuditChain.append(audit, in: db) }
  }
}
