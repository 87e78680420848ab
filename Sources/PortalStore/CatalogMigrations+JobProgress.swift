import GRDB

extension CatalogMigrations {
  // MARK: - v5: whether a job saved progress since it was claimed

  static func addJobCheckpointCounter(_ db: Database) throws {
    // A long job SIGKILLed three times used up its three attempts although every run
    // moved it forward. `checkpoint_seq` counts the checkpoints a job saved and
    // `claim_checkpoint_seq` is its value at the last claim: a rescue of a job whose
    // count moved does not spend an attempt (progress is finite, so this cannot loop;
    // a job that crashes before saving anything still does).
    try db.execute(
      sql: """
        ALTER TABLE job ADD COLUMN checkpoint_seq INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE job ADD COLUMN claim_checkpoint_seq INTEGER NOT NULL DEFAULT 0;
        """)
  }
}
