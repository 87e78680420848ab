import Foundation
import GRDB
import PortalCore

// MARK: - A synthetic catalog for benchmarks: many datasets, many samples, in seconds

extension Catalog {
  /// What `generateSynthetic` made.
  public struct SyntheticTotals: Sendable, Equatable {
    /// Datasets created.
    public var datasets: Int
    /// Samples created.
    public var samples: Int
  }

  /// Fills the catalog with `datasets` published datasets holding `samples` samples in
  /// all, owned by `ownerID`, in one transaction with one audit event.
  ///
  /// Rows are generated inside SQLite (recursive CTEs), not through the importer: the
  /// point is a catalog of realistic shape for measuring front ends, built in seconds.
  /// Sample rows point at files that do not exist; they have no excerpts.
  public func generateSynthetic(
    datasets: Int, samples: Int, ownerID: Int64, audit: AuditEvent, now: Date = Date()
  ) throws -> SyntheticTotals {
    let datasetCount = max(0, datasets)
    let sampleCount = max(0, samples)
    let counts = Self.syntheticSampleCounts(datasets: datasetCount, samples: sampleCount)
    return try write { db in
      let firstID = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM dataset") ?? 0) + 1
      try db.execute(
        sql: """
          WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
          INSERT INTO dataset (id, slug, name, description, modality, visibility, sensitivity, licence, tags,
                               languages, use_rights, owner_id, created_at, updated_at)
          SELECT ? + i,
                 printf('synthetic-%07d', i),
                 json_extract(?, '$[' || (i % 23) || ']') || ' ' || json_extract(?, '$[' || ((i / 23) % 19) || ']')
                   || ' ' || printf('%06d', i),
                 'Synthetic dataset ' || i || ' about ' || json_extract(?, '$[' || ((i / 7) % 19) || ']'),
                 json_extract('["text","image","audio","video","mixed"]', '$[' || (i % 5) || ']'),
                 json_extract('["private","private","public","public-pending"]', '$[' || ((i / 5) % 4) || ']'),
                 json_extract('["public","internal","confidential","restricted"]', '$[' || ((i / 3) % 4) || ']'),
                 json_extract('["CC-BY-4.0","CC0-1.0","proprietary",null]', '$[' || ((i / 11) % 4) || ']'),
                 '["synthetic","batch-' || (i % 10) || '"]',
                 '["en"]', '{"evaluate":true,"noRedistribution":true,"train":true}', ?, ?, ?
          FROM n
          """,
        arguments: [
          datasetCount, firstID, Self.adjectives, Self.nouns, Self.nouns, ownerID, now, now,
        ])
      let insertVersion = try db.cachedStatement(
        sql: """
          INSERT INTO dataset_version (dataset_id, number, origin, state, sample_count, total_bytes, created_by,
                                       created_at)
          VALUES (?, 1, 'import', 'ready', ?, ?, ?, ?)
          """)
      for (offset, count) in counts.enumerated() {
        try insertVersion.execute(arguments: [firstID + Int64(offset), count, Int64(count) * 512, ownerID, now])
      }
      try db.execute(
        sql: """
          UPDATE dataset SET current_version_id = (SELECT v.id FROM dataset_version v WHERE v.dataset_id = dataset.id)
          WHERE id >= ? AND id < ?
          """, arguments: [firstID, firstID + Int64(datasetCount)])
      try db.execute(
        sql: """
          INSERT INTO source_file (dataset_id, root, relative_path, size, mtime_ns, sha256, media_type)
          SELECT d.id, '/synthetic', d.slug || '.jsonl', v.total_bytes, 0, printf('%064x', d.id), 'application/jsonl'
          FROM dataset d JOIN dataset_version v ON v.id = d.current_version_id WHERE d.id >= ? AND d.id < ?
          """, arguments: [firstID, firstID + Int64(datasetCount)])
      let largest = counts.max() ?? 0
      if largest > 0 {
        try db.execute(
          sql: """
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
            INSERT INTO sample (version_id, ordinal, file_id, byte_offset, byte_length, media_type, sha256)
            SELECT v.id, n.i, f.id, n.i * 512, 512, 'application/jsonl', printf('%032x%032x', v.id, n.i)
            FROM dataset_version v JOIN source_file f ON f.dataset_id = v.dataset_id JOIN n ON n.i < v.sample_count
            WHERE v.dataset_id >= ? AND v.dataset_id < ?
            """, arguments: [largest, firstID, firstID + Int64(datasetCount)])
      }
      try AuditChain.append(audit, in: db)
      return SyntheticTotals(datasets: datasetCount, samples: counts.reduce(0, +))
    }
  }

  /// Samples per dataset: spread unevenly (so sorting by size means something) but
  /// summing to exactly `samples`.
  static func syntheticSampleCounts(datasets: Int, samples: Int) -> [Int] {
    guard datasets > 0 else { return [] }
    let base = samples / datasets
    var counts = [Int](repeating: base, count: datasets)
    for index in 0..<(samples % datasets) { counts[index] += 1 }
    // Move up to base/2 samples between neighbours: the total stays the same.
    let swing = base / 2
    guard swing > 0 else { return counts }
    var index = 0
    while index + 1 < datasets {
      let delta = (index * 7919) % (swing + 1)
      counts[index] += delta
      counts[index + 1] -= delta
      index += 2
    }
    return counts
  }

  private static let adjectives = """
    ["Coastal","Regional","Archived","Historic","Municipal","Rural","Annual","Weekly","Scanned","Recorded",\
    "Curated","Legacy","Public","Internal","Community","Oral","Digital","Printed","Broadcast","Field",\
    "Harbour","Valley","Alpine"]
    """
  private static let nouns = """
    ["press","letters","ledgers","photos","interviews","maps","transcripts","recipes","minutes","notices",\
    "reports","posters","broadcasts","surveys","diaries","manuals","catalogues","dialogues","records"]
    """
}
