import GRDB

/// The catalog's schema, one registered migration per shipped change.
/// Migrations are never edited after they ship and use no app types.
enum CatalogMigrations {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-schema") { db in
      try createPeople(db)
      try createDatasets(db)
      try createGovernance(db)
      try createJobs(db)
      try createAudit(db)
      try createSearch(db)
    }
    migrator.registerMigration("v2-governance") { db in
      try addGovernance(db)
    }
    migrator.registerMigration("v2-worker") { db in try createWorker(db) }
    migrator.registerMigration("v3-presence") { db in
      try addPresence(db)
    }
    migrator.registerMigration("v4-import-speed") { db in try addContentIndexBacklog(db) }
    // Presence moved to presence.sqlite beside the catalog (see PresenceBoard).
    migrator.registerMigration("v4-presence-out") { db in
      try db.execute(sql: "DROP TABLE session_presence")
    }
    // What a scan read when it could not read every sample's text (image, audio, video).
    migrator.registerMigration("v5-scan-coverage") { db in
      try db.execute(sql: "ALTER TABLE pii_scan ADD COLUMN coverage TEXT")
    }
    migrator.registerMigration("v5-job-checkpoint-seq") { db in try addJobCheckpointCounter(db) }
    return migrator
  }

  // MARK: - People

  private static func createPeople(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE catalog_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
        CREATE TABLE organisation (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE user (
          id INTEGER PRIMARY KEY,
          login TEXT NOT NULL UNIQUE,
          display_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('owner','steward','reviewer','viewer')),
          created_at TEXT NOT NULL,
          disabled_at TEXT
        ) STRICT;
        CREATE TABLE principal_group (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL CHECK (kind IN ('partner','lab')),
          description TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE group_member (
          group_id INTEGER NOT NULL REFERENCES principal_group(id) ON DELETE CASCADE,
          user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
          PRIMARY KEY (group_id, user_id)
        ) STRICT, WITHOUT ROWID;
        """)
  }

  // MARK: - Datasets, versions, files, samples

  private static func createDatasets(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE dataset (
          id INTEGER PRIMARY KEY,
          slug TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          description TEXT NOT NULL DEFAULT '',
          modality TEXT CHECK (modality IN ('text','image','audio','video','mixed')),
          visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private','public-pending','public')),
          sensitivity TEXT NOT NULL DEFAULT 'internal'
            CHECK (sensitivity IN ('public','internal','confidential','restricted')),
          licence TEXT,
          licence_url TEXT,
          use_rights TEXT NOT NULL DEFAULT '{}',
          languages TEXT NOT NULL DEFAULT '[]',
          tags TEXT NOT NULL DEFAULT '[]',
          owner_id INTEGER NOT NULL REFERENCES user(id),
          contact TEXT,
          current_version_id INTEGER REFERENCES dataset_version(id) DEFERRABLE INITIALLY DEFERRED,
          revision INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX dataset_on_visibility ON dataset(visibility);
        CREATE INDEX dataset_on_owner ON dataset(owner_id);
        CREATE INDEX dataset_on_name ON dataset(name COLLATE NOCASE);

        CREATE TABLE dataset_version (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          number INTEGER NOT NULL,
          parent_id INTEGER REFERENCES dataset_version(id) ON DELETE SET NULL,
          origin TEXT NOT NULL CHECK (origin IN ('import','rescan','clean','ocr','transcribe')),
          state TEXT NOT NULL CHECK (state IN ('staging','ready')),
          job_id INTEGER,
          parameters TEXT NOT NULL DEFAULT '{}',
          report TEXT NOT NULL DEFAULT '{}',
          sample_count INTEGER NOT NULL DEFAULT 0,
          total_bytes INTEGER NOT NULL DEFAULT 0,
          created_by INTEGER REFERENCES user(id),
          created_at TEXT NOT NULL,
          lease_until TEXT,
          UNIQUE (dataset_id, number)
        ) STRICT;

        CREATE TABLE source_file (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          root TEXT NOT NULL,
          relative_path TEXT NOT NULL,
          size INTEGER NOT NULL,
          mtime_ns INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          media_type TEXT NOT NULL
        ) STRICT;
        CREATE INDEX source_file_on_dataset_path ON source_file(dataset_id, root, relative_path);

        -- Which files a version saw, including those that yielded no sample.
        CREATE TABLE version_file (
          version_id INTEGER NOT NULL REFERENCES dataset_version(id) ON DELETE CASCADE,
          file_id INTEGER NOT NULL REFERENCES source_file(id) ON DELETE CASCADE,
          PRIMARY KEY (version_id, file_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX version_file_on_file ON version_file(file_id);

        CREATE TABLE sample (
          id INTEGER PRIMARY KEY,
          version_id INTEGER NOT NULL REFERENCES dataset_version(id) ON DELETE CASCADE,
          ordinal INTEGER NOT NULL,
          file_id INTEGER NOT NULL REFERENCES source_file(id),
          byte_offset INTEGER NOT NULL,
          byte_length INTEGER NOT NULL,
          media_type TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          duration_ms INTEGER,
          width INTEGER,
          height INTEGER,
          language TEXT,
          excerpt TEXT,
          UNIQUE (version_id, ordinal)
        ) STRICT;
        CREATE INDEX sample_on_file ON sample(file_id);
        """)
  }

  // MARK: - Grants, requests, sign-offs

  private static func createGovernance(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE "grant" (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user','group','lab')),
          principal TEXT NOT NULL,
          permission TEXT NOT NULL
            CHECK (permission IN ('discover','preview','download','train','evaluate','manage')),
          expires_at TEXT,
          granted_by INTEGER NOT NULL REFERENCES user(id),
          granted_at TEXT NOT NULL,
          revoked_at TEXT,
          revoked_by INTEGER REFERENCES user(id)
        ) STRICT;
        CREATE INDEX grant_on_dataset ON "grant"(dataset_id);
        CREATE INDEX grant_on_principal ON "grant"(principal_kind, principal);

        CREATE TABLE access_request (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user','group','lab')),
          principal TEXT NOT NULL,
          permission TEXT NOT NULL,
          purpose TEXT NOT NULL,
          duration_days INTEGER,
          state TEXT NOT NULL CHECK (state IN ('pending','approved','rejected','withdrawn','expired')),
          reason TEXT,
          requested_by INTEGER NOT NULL REFERENCES user(id),
          decided_by INTEGER REFERENCES user(id),
          decided_at TEXT,
          created_at TEXT NOT NULL,
          CHECK (state <> 'rejected' OR length(reason) > 0)
        ) STRICT;
        CREATE INDEX access_request_on_dataset_state ON access_request(dataset_id, state);

        -- The outcome of a PII scan of one version: what the publication checklist reads.
        CREATE TABLE pii_scan (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          version_id INTEGER NOT NULL REFERENCES dataset_version(id) ON DELETE CASCADE,
          job_id INTEGER REFERENCES job(id) ON DELETE SET NULL,
          samples_scanned INTEGER NOT NULL,
          findings INTEGER NOT NULL,
          by_type TEXT NOT NULL DEFAULT '{}',
          scanned_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX pii_scan_on_version ON pii_scan(version_id);

        CREATE TABLE signoff (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          version_id INTEGER REFERENCES dataset_version(id) ON DELETE CASCADE,
          reviewer_id INTEGER NOT NULL REFERENCES user(id),
          note TEXT NOT NULL DEFAULT '',
          created_at TEXT NOT NULL
        ) STRICT;
        """)
  }

  // MARK: - Job queue

  private static func createJobs(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE job (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          version_id INTEGER REFERENCES dataset_version(id) ON DELETE SET NULL,
          parameters TEXT NOT NULL DEFAULT '{}',
          state TEXT NOT NULL
            CHECK (state IN ('queued','running','succeeded','failed','cancelled','retryable')),
          priority INTEGER NOT NULL DEFAULT 100,
          attempt INTEGER NOT NULL DEFAULT 0,
          max_attempts INTEGER NOT NULL DEFAULT 3,
          lease_token TEXT,
          lease_until TEXT,
          run_at TEXT NOT NULL,
          progress_done INTEGER NOT NULL DEFAULT 0,
          progress_total INTEGER NOT NULL DEFAULT 0,
          rate REAL NOT NULL DEFAULT 0,
          checkpoint TEXT,
          error TEXT,
          cancel_requested INTEGER NOT NULL DEFAULT 0,
          queued_by INTEGER NOT NULL REFERENCES user(id),
          created_at TEXT NOT NULL,
          started_at TEXT,
          finished_at TEXT,
          result_version_id INTEGER REFERENCES dataset_version(id) ON DELETE SET NULL
        ) STRICT;
        CREATE INDEX job_claimable ON job(state, priority, run_at, id);
        CREATE INDEX job_on_dataset ON job(dataset_id);
        """)
  }

  // MARK: - Audit

  private static func createAudit(_ db: Database) throws {
    // Append-only: the portal never updates or deletes an event. Someone with the
    // sqlite3 tool can drop these triggers; `portal audit verify` still catches the
    // edit through the hash chain.
    try db.execute(
      sql: """
        CREATE TABLE audit_event (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          target_kind TEXT NOT NULL,
          target_id TEXT NOT NULL,
          dataset_id INTEGER,
          before TEXT,
          after TEXT,
          previous_hash TEXT NOT NULL,
          hash TEXT NOT NULL UNIQUE
        ) STRICT;
        CREATE INDEX audit_event_on_dataset ON audit_event(dataset_id);
        CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """)
  }

  // MARK: - Full-text search

  private static func createSearch(_ db: Database) throws {
    // External-content FTS5 tables. Datasets are indexed by triggers. Samples are
    // indexed by `Catalog.append` with one INSERT…SELECT per batch: a per-row trigger
    // made imports five times slower (measured: 120,000 excerpts, 4.7 s vs 0.9 s).
    // Deletes and excerpt updates still go through triggers. Diacritics are folded:
    // "societe" finds "Société".
    try db.execute(
      sql: """
        CREATE VIRTUAL TABLE dataset_fts USING fts5(
          name, description, tags, content='dataset', content_rowid='id',
          tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER dataset_fts_ai AFTER INSERT ON dataset BEGIN
          INSERT INTO dataset_fts(rowid, name, description, tags)
            VALUES (new.id, new.name, new.description, new.tags);
        END;
        CREATE TRIGGER dataset_fts_ad AFTER DELETE ON dataset BEGIN
          INSERT INTO dataset_fts(dataset_fts, rowid, name, description, tags)
            VALUES ('delete', old.id, old.name, old.description, old.tags);
        END;
        CREATE TRIGGER dataset_fts_au AFTER UPDATE OF name, description, tags ON dataset BEGIN
          INSERT INTO dataset_fts(dataset_fts, rowid, name, description, tags)
            VALUES ('delete', old.id, old.name, old.description, old.tags);
          INSERT INTO dataset_fts(rowid, name, description, tags)
            VALUES (new.id, new.name, new.description, new.tags);
        END;

        CREATE VIRTUAL TABLE sample_fts USING fts5(
          excerpt, content='sample', content_rowid='id',
          tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER sample_fts_ad AFTER DELETE ON sample WHEN old.excerpt IS NOT NULL BEGIN
          INSERT INTO sample_fts(sample_fts, rowid, excerpt) VALUES ('delete', old.id, old.excerpt);
        END;
        CREATE TRIGGER sample_fts_au AFTER UPDATE OF excerpt ON sample BEGIN
          INSERT INTO sample_fts(sample_fts, rowid, excerpt)
            SELECT 'delete', old.id, old.excerpt WHERE old.excerpt IS NOT NULL;
          INSERT INTO sample_fts(rowid, excerpt) SELECT new.id, new.excerpt WHERE new.excerpt IS NOT NULL;
        END;
        """)
  }

  // MARK: - v2: publication requests, request → grant link, irreversible publication

  private static func addGovernance(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE publication_request (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          version_id INTEGER REFERENCES dataset_version(id) ON DELETE SET NULL,
          requested_by INTEGER NOT NULL REFERENCES user(id),
          requested_at TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending','published','withdrawn')),
          decided_by INTEGER REFERENCES user(id),
          decided_at TEXT
        ) STRICT;
        CREATE UNIQUE INDEX publication_request_one_open ON publication_request(dataset_id) WHERE state = 'pending';
        ALTER TABLE access_request ADD COLUMN grant_id INTEGER REFERENCES "grant"(id) ON DELETE SET NULL;
        CREATE INDEX access_request_on_state ON access_request(state);
        CREATE INDEX grant_on_expiry ON "grant"(expires_at) WHERE revoked_at IS NULL AND expires_at IS NOT NULL;
        CREATE UNIQUE INDEX signoff_once ON signoff(dataset_id, version_id, reviewer_id);
        CREATE INDEX audit_event_on_actor ON audit_event(actor);
        -- Public is irreversible: the database refuses to undo it too.
        CREATE TRIGGER dataset_public_is_final BEFORE UPDATE OF visibility ON dataset
          WHEN old.visibility = 'public' AND new.visibility <> 'public'
          BEGIN SELECT RAISE(ABORT, 'a public dataset cannot be made private again'); END;
        """)
  }

  // MARK: - v2: job outputs

  private static func createWorker(_ db: Database) throws {
    // Which input sample each output sample of a job came from (OCR text from a scan,
    // a transcript from a recording, a cleaned document from the raw one). A table
    // beside `sample` keeps the sample row lean and the v1 schema untouched.
    try db.execute(
      sql: """
        CREATE TABLE sample_lineage (
          sample_id INTEGER PRIMARY KEY REFERENCES sample(id) ON DELETE CASCADE,
          source_sample_id INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX sample_lineage_on_source ON sample_lineage(source_sample_id);
        CREATE INDEX job_running_lease ON job(state, lease_until);
        -- Runnable jobs in claim order: a claim reads the first match instead of
        -- sorting every queued job (1 ms per claim with 10,000 queued, without it).
        CREATE INDEX job_ready ON job(priority, run_at, id) WHERE state IN ('queued','retryable');
        """)
  }

  // MARK: - v3: who is active on a shared (review station) catalog

  private static func addPresence(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE session_presence (
          login TEXT NOT NULL,
          pid INTEGER NOT NULL,
          host TEXT NOT NULL,
          started_at TEXT NOT NULL,
          seen_at TEXT NOT NULL,
          PRIMARY KEY (login, pid, host)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX session_presence_on_seen ON session_presence(seen_at);
        """)
  }
}
