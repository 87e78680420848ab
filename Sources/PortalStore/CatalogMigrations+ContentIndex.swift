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
    //
    // The excerpt index is rebuilt with detail=column (no token positions): a content
    // search for common words, which FTS5 answers by merging whole prefix doclists, took
    // 47-55 ms with positions and 30-35 ms without on 1.2 M samples, and the index is
    // built 25 % faster. Content queries therefore AND a word's tokens instead of
    // matching them as a phrase (`FullTextQuery.make(_:phrases:)`). Every existing
    // version is queued, so the background pass rebuilds the index of an old catalog.
    try db.execute(
      sql: """
        CREATE TABLE content_index_backlog (
          version_id INTEGER PRIMARY KEY,
          next_ordinal INTEGER NOT NULL DEFAULT 0,
          sample_count INTEGER NOT NULL DEFAULT 0,
          touched_at TEXT NOT NULL
        ) STRICT;
        DROP TRIGGER sample_fts_ad;
        DROP TRIGGER sample_fts_au;
        DROP TABLE sample_fts;
        CREATE VIRTUAL TABLE sample_fts USING fts5(
          excerpt, content='sample', content_rowid='id',
          tokenize='unicode61 remove_diacritics 2', detail=column);
        INSERT INTO content_index_backlog (version_id, next_ordinal, sample_count, touched_at)
          SELECT v.id, 0, coalesce((SELECT max(s.ordinal) + 1 FROM sample s WHERE s.version_id = v.id), 0),
                 strftime('%Y-%m-%d %H:%M:%f', 'now')
          FROM dataset_version v;
        CREATE TRIGGER sample_fts_ad AFTER DELETE ON sample
          WHEN old.excerpt IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM content_index_backlog b WHERE b.version_id = old.version_id AND old.ordinal >= b.next_ordinal)
        BEGIN
          INSERT INTO sample_fts(sample_fts, rowid, excerpt) VALUES ('delete', old.id, old.excerpt);
        END;
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
