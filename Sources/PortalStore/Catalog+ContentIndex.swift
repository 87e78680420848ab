import Foundation
import GRDB
import PortalCore

// MARK: - The search index of sample excerpts, built after an import is published

extension Catalog {
  /// Samples indexed per write transaction: about 0.1 s of work, so other sessions'
  /// writes are never held up for long.
  public static let contentIndexStep = 25_000

  /// Indexes the excerpts of the next samples awaiting it — current versions first, in
  /// ordinal order — in one transaction. Returns how many samples it covered; 0 when
  /// nothing is pending. Several processes may call it at once: each step reads and
  /// advances the version's cursor inside its write transaction, so none is indexed twice.
  ///
  /// With `datasetID`, only that dataset's versions: a small import indexes its own text
  /// before returning, and must not take on a large import's backlog (10 million samples
  /// left by the import before kept one for 13 s).
  @discardableResult
  public func indexPendingContent(
    limit: Int = Catalog.contentIndexStep, datasetID: Int64? = nil, now: Date = Date()
  ) throws -> Int {
    try write { db in
      // Versions removed since (a dataset removal cascades past this table).
      try db.execute(
        sql: "DELETE FROM content_index_backlog WHERE version_id NOT IN (SELECT id FROM dataset_version)")
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT b.version_id, b.next_ordinal, b.sample_count FROM content_index_backlog b
            JOIN dataset_version v ON v.id = b.version_id
            WHERE v.state = 'ready' AND (? IS NULL OR v.dataset_id = ?)
            ORDER BY EXISTS (SELECT 1 FROM dataset d WHERE d.current_version_id = b.version_id) DESC, b.version_id
            LIMIT 1
            """, arguments: [datasetID, datasetID])
      else { return 0 }
      let versionID: Int64 = row["version_id"]
      let start: Int = row["next_ordinal"]
      let count: Int = row["sample_count"]
      let end = min(count, start + max(1, limit))
      try PhaseTimings.measure("content index") {
        try db.execute(
          sql: """
            INSERT INTO sample_fts (rowid, excerpt)
            SELECT id, excerpt FROM sample
            WHERE version_id = ? AND ordinal >= ? AND ordinal < ? AND excerpt IS NOT NULL
            """, arguments: [versionID, start, end])
      }
      if end >= count {
        try db.execute(sql: "DELETE FROM content_index_backlog WHERE version_id = ?", arguments: [versionID])
      } else {
        try db.execute(
          sql: "UPDATE content_index_backlog SET next_ordinal = ?, touched_at = ? WHERE version_id = ?",
          arguments: [end, now, versionID])
      }
      return max(1, end - start)
    }
  }

  /// How far the index of current versions' excerpts has got, over the datasets `scope`
  /// may discover (so the figure reveals nothing about others).
  public func contentIndexStatus(scope: DiscoverScope, now: Date = Date()) throws -> ContentIndexStatus {
    try read { db in
      let visible = scope.sql(now: now)
      let row = try SQLRequest<Row>(
        """
        SELECT count(*) AS versions, coalesce(sum(b.next_ordinal), 0) AS indexed,
               coalesce(sum(b.sample_count), 0) AS total, max(b.touched_at) AS touched
        FROM content_index_backlog b JOIN dataset d ON d.current_version_id = b.version_id
        WHERE \(visible)
        """
      ).fetchOne(db)
      return ContentIndexStatus(
        indexed: row?["indexed"] ?? 0, total: row?["total"] ?? 0, versions: row?["versions"] ?? 0,
        lastProgress: row?["touched"])
    }
  }

  /// Whether any published version still waits for its excerpts to be indexed (a
  /// worker's idle check: one read, no write lock).
  public func hasPendingContentIndex() throws -> Bool {
    try read { db in
      try Bool.fetchOne(
        db,
        sql: """
          SELECT EXISTS (SELECT 1 FROM content_index_backlog b JOIN dataset_version v ON v.id = b.version_id
                         WHERE v.state = 'ready')
          """) ?? false
    }
  }

  // MARK: - Inside import transactions

  /// Marks a new import or rescan version as not indexed yet (from its first batch on,
  /// so that discarding it never touches the index).
  static func deferContentIndex(ofVersion versionID: Int64, now: Date, in db: Database) throws {
    try db.execute(
      sql: "INSERT INTO content_index_backlog (version_id, next_ordinal, sample_count, touched_at) VALUES (?, 0, 0, ?)",
      arguments: [versionID, now])
  }

  /// At publication: how many samples the indexer has to cover (ordinals 0 ..< n).
  static func recordContentToIndex(ofVersion versionID: Int64, now: Date, in db: Database) throws {
    try db.execute(
      sql: """
        UPDATE content_index_backlog
        SET sample_count = coalesce((SELECT max(ordinal) + 1 FROM sample WHERE version_id = ?), 0), touched_at = ?
        WHERE version_id = ?
        """, arguments: [versionID, now, versionID])
  }
}
