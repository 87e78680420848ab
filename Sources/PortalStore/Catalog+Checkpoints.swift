import CSQLiteTuning
import GRDB

// MARK: - Leaving the WAL's fold-back to the next writer during a bulk import

extension Catalog {
  /// How many WAL pages a commit may leave before it folds them back (SQLite's default).
  static let autoCheckpointPages = 1000

  /// Runs `body` — a bulk import's staging batches and its publish — without this
  /// process's writer folding the WAL back into the database file as it goes.
  ///
  /// A 1 GB import writes about 500 MB of pages. With SQLite's automatic checkpoints the
  /// committing thread — the import's only writer, which bounds the import — also copied
  /// every page a second time into the database file (measured: 0.74 s of the writer's
  /// 2.6 s of CPU in `pwrite`, 0.09 s in `pread`). Deferred, the pages are copied by the
  /// next process that commits (the import's background content-index pass, a worker,
  /// a TUI), off the import's critical path. The WAL is durable either way: each batch's
  /// commit syncs it, so nothing is lost if the machine stops before the fold-back.
  ///
  /// Closing this process's connections skips the fold-back from then on too (it would
  /// otherwise run when the import command exits as the last connection); the
  /// connections of other processes still fold back on close as usual.
  public func deferringCheckpoints<T>(_ body: () throws -> T) throws -> T {
    try deferCheckpoints()
    defer { try? resumeCheckpoints() }
    return try body()
  }

  /// Starts leaving the WAL's fold-back to the next writer (see `deferringCheckpoints`);
  /// for an import that finds out it is a bulk one as its walk goes on.
  public func deferCheckpoints() throws {
    try setAutoCheckpoint(pages: 0)
  }

  /// Goes back to SQLite's automatic checkpoints (a no-op if they were not deferred).
  public func resumeCheckpoints() throws {
    try setAutoCheckpoint(pages: Self.autoCheckpointPages)
  }

  private func setAutoCheckpoint(pages: Int) throws {
    try writer.writeWithoutTransaction { db in
      if pages == 0 { _ = portal_sqlite_set_no_checkpoint_on_close(db.sqliteConnection, 1) }
      try db.execute(sql: "PRAGMA wal_autocheckpoint = \(pages)")
    }
  }

  /// Starts the disk writing out the WAL's pages without waiting for it. Staging
  /// batches commit without syncing, and with 24 GB of memory the kernel would hold
  /// their pages until the publishing commit's sync — 0.3 s of waiting after a 1 GB
  /// import; started after each batch, the writing overlaps the import instead.
  public func startWALWriteBack() {
    _ = portal_start_writeback(location.databaseURL.path + "-wal")
  }

  /// Folds the WAL back into the database file; with `truncating`, all of it (waiting
  /// for readers of older snapshots) and the file is truncated, else as much as no
  /// reader needs, without waiting. Returns false when other connections kept it from
  /// finishing, which is harmless: later commits carry on. The content-index pass folds
  /// back first without waiting (so a bulk import's pages are copied by it rather than
  /// by whichever command commits next, which would wait for the copy) and truncates
  /// when done, giving the disk space back.
  @discardableResult
  public func foldBackWAL(truncating: Bool = true) -> Bool {
    do {
      return try writer.writeWithoutTransaction { db in
        let result = try db.checkpoint(truncating ? .truncate : .passive)
        return result.walFrameCount == result.checkpointedFrameCount
      }
    } catch {
      return false
    }
  }
}
