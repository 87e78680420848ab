import Foundation
import GRDB
import PortalCore

/// The text the catalog itself holds about one sample (its excerpt), for a scan of a
/// dataset whose content is not text.
public struct SampleExcerpt: Sendable, Equatable {
  public var ordinal: Int
  public var mediaType: MediaType
  public var excerpt: String
}

extension Catalog {
  /// A page of a version's sample excerpts in ordinal order, from `ordinal` on.
  public func excerpts(ofVersion versionID: Int64, from ordinal: Int, limit: Int) throws -> [SampleExcerpt] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT ordinal, media_type, excerpt FROM sample WHERE version_id = ? AND ordinal >= ?
          ORDER BY ordinal LIMIT ?
          """, arguments: [versionID, ordinal, limit]
      ).map {
        SampleExcerpt(
          ordinal: $0["ordinal"], mediaType: MediaType(rawValue: $0["media_type"]) ?? .plainText,
          excerpt: $0["excerpt"] ?? "")
      }
    }
  }

  /// Records a PII scan made in the session (not by a job) — ONE transaction with its
  /// audit event. Refused when the version scanned is no longer the dataset's current
  /// version: the checklist must never vouch for content nobody scanned.
  @discardableResult
  public func recordScan(_ scan: PIIScan, audit: AuditEvent) throws -> PIIScan {
    try write { db in
      let current = try Int64.fetchOne(
        db, sql: "SELECT current_version_id FROM dataset WHERE id = ?", arguments: [scan.datasetID])
      guard current == scan.versionID else {
        throw StoreError.conflict("the dataset changed while it was being scanned; scan it again")
      }
      let byType = String(decoding: try JSONEncoder().encode(scan.byType), as: UTF8.self)
      try db.execute(
        sql: """
          INSERT INTO pii_scan (dataset_id, version_id, samples_scanned, findings, by_type, scanned_at, coverage)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          scan.datasetID, scan.versionID, scan.samplesScanned, scan.findings, byType, scan.scannedAt, scan.coverage,
        ])
      var stored = scan
      stored.id = db.lastInsertedRowID
      var event = audit
      event.datasetID = scan.datasetID
      try AuditChain.append(event, in: db)
      return stored
    }
  }
}
