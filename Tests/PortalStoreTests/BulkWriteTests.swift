import Foundation
import GRDB
import PortalCore
import PortalStore
import Testing

/// A bulk import writes its staging batches without syncing each one and leaves the
/// WAL's fold-back to the next writer; neither may weaken what a published version is.
struct BulkWriteTests {
  @Test func stagingBatchesLeaveTheWriterSyncingFully() throws {
    let fixture = try StoreFixture()
    _ = try fixture.stageOneSample(excerpt: "staged text")
    #expect(try fixture.catalog.writerSynchronous() == 2)  // FULL again after the batch
  }

  @Test func deferredCheckpointsLeaveThePagesInTheWALUntilFoldedBack() throws {
    let fixture = try StoreFixture()
    let wal = fixture.catalog.location.databaseURL.path + "-wal"
    _ = fixture.catalog.foldBackWAL()
    #expect(Self.size(wal) == 0)
    try fixture.catalog.deferringCheckpoints {
      // Enough rows for well over SQLite's automatic checkpoint of 1000 pages.
      try Self.write(fixture, datasets: 12, prefix: "bulk")
    }
    let deferred = Self.size(wal)
    #expect(deferred > Int64(1000 * 16_384), "the WAL was folded back during the bulk writes: \(deferred) bytes")
    // Everything written is readable before the fold-back.
    #expect(try fixture.catalog.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sample") } == 12 * 4_000)
    #expect(fixture.catalog.foldBackWAL())
    #expect(Self.size(wal) == 0)
    #expect(try fixture.catalog.integrityCheck() == "ok")
  }

  @Test func afterDeferringTheWriterChecksPointsAsUsual() throws {
    let fixture = try StoreFixture()
    let wal = fixture.catalog.location.databaseURL.path + "-wal"
    try fixture.catalog.deferringCheckpoints { try fixture.addDataset("small") }
    _ = fixture.catalog.foldBackWAL()
    try Self.write(fixture, datasets: 12, prefix: "later")
    // SQLite's automatic checkpoint restarts the WAL, so it stays near 1000 pages
    // (plus one transaction) instead of growing to everything written.
    #expect(Self.size(wal) < Int64(1_500 * 16_384))
  }

  @Test func aBatchThatBreaksAConstraintWritesNothingAndTheCatalogGoesOn() throws {
    let fixture = try StoreFixture()
    let staging = try fixture.stageOneSample(excerpt: "kept")
    let before = try fixture.catalog.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sample") }
    var batch = ImportBatch()
    let file = SourceFile(
      datasetID: staging.datasetID, root: "/data", relativePath: "clash.jsonl", size: 10, mtimeNanos: 1, sha256: "00",
      mediaType: .jsonl)
    // 40 rows (a 32-row statement and single ones); row 35 repeats ordinal 1.
    let samples = (0..<40).map { index in
      Sample(
        versionID: staging.versionID, ordinal: index == 35 ? 1 : 1 + index, fileID: 0, offset: Int64(index), length: 1,
        mediaType: .jsonl, sha256: "\(index)", excerpt: "row \(index)")
    }
    batch.newFiles = [ImportBatch.NewFile(file: file, samples: samples)]
    #expect(throws: (any Error).self) { try fixture.catalog.append(batch, to: staging) }
    // Nothing of the batch stayed: not its file, not its first 35 rows.
    #expect(try fixture.catalog.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sample") } == before)
    #expect(
      try fixture.catalog.read {
        try Int.fetchOne($0, sql: "SELECT count(*) FROM source_file WHERE relative_path = 'clash.jsonl'")
      } == 0)
    // The writer goes on: the next batch is written.
    batch.newFiles = [ImportBatch.NewFile(file: file, samples: Array(samples.prefix(35)))]
    try fixture.catalog.append(batch, to: staging)
    #expect(try fixture.catalog.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sample") } == (before ?? 0) + 35)
    #expect(try fixture.catalog.integrityCheck() == "ok")
  }

  /// Writes `datasets` datasets of 4,000 samples of ~400 bytes each: about 20 MB for
  /// 12, well over SQLite's automatic checkpoint of 1000 16 KB pages.
  static func write(_ fixture: StoreFixture, datasets: Int, prefix: String) throws {
    let filler = String(repeating: "x", count: 380)
    for index in 0..<datasets {
      try fixture.addDataset("\(prefix) \(index)", excerpts: (0..<4_000).map { "sample \($0) \(filler)" })
    }
  }

  static func size(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
  }
}
