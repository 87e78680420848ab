import GRDB

extension CatalogMigrations {
  // MARK: - v4: sample excerpts indexed after an import is published

  static func addContentIndexBacklog(_ db: Database) throws {
    // Indexing excerpts took most of an import's database time (measured: 0.8 of 2.0 s
    // writing 300,000 samples), so imports and rescans publish first and a background
    // pass indexes the version afterwards, in ordinal order. A version listed here has
    // its samples from `next_ordinal` on not yet in sample_fts. No foreign key: while a
    // dataset's rows cascade away, the delete trigger must still see this row so that it
    // does not remove never-indexed rows from the external-content index (which would
    // corrupt it); stale rows are dropped by the indexer.
    try db.execute(
      sql: """
        CREATE TABLE content_index_backlog (
          version_id INTEGER PRIMARY KEY,
          next_ordinal INTEGER NOT NULL DEFAULT 0,
          sample_count INTEGER NOT NULL DEFAULT 0,
          touched_at TEXT NOT NULL
        ) STRICT;
        DROP TRIGGER sample_fts_ad;
        CREATE TRIGGER sample_fts_ad AFTER DELETE ON sample
          WHEN old.excerpt IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM content_index_backlog b WHERE b.version_id = old.version_id AND old.ordinal >= b.next_ordinal)
        BEGIN
          INSERT INTO sample_fts(sample_fts, rowid, excerpt) VALUES ('delete', old.id, old.excerpt);
        END;
        DROP TRIGGER sample_fts_au;
        CREATE TRIGGER sample_fts_au AFTER UPDATE OF excerpt ON sample
          WHEN NOT EXISTS (
            SELECT 1 FROM content_index_backlog b WHERE b.version_id = old.version_id AND old.ordinal >= b.next_ordinal)
        BEGIN
          INSERT INTO sample_fts(sample_fts, rowid, excerpt)
            SELECT 'delete', old.id, old.excerpt WHERE old.excerpt IS NOT NULL;
          INSERT INTO sample_fts(rowid, excerpt) SELECT new.id, new.excerpt WHERE new.excerpt IS NOT NULL;
        END;
        """)
  }
}
