import Foundation
import GRDB
import PortalCore
import PortalTesting
import Testing

@testable import PortalStore

/// Imports publish first and index their samples' text afterwards: search must find
/// the text once the index is built, say how far it has got meanwhile, and the index
/// must stay sound whatever happens to a version half indexed.
struct ContentIndexTests {
  private let words = ["zebra crossing", "quiet harbour", "zebra finch", "night train", "zebra mussel"]

  @Test func excerptsBecomeSearchableAsTheIndexIsBuiltAndTheStatusSaysHowFar() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let dataset = try fixture.addDataset(
      "Field notes", description: "zebra sightings", excerpts: words, indexContent: false)
    // Metadata is searchable at once; content not yet.
    let before = try fixture.catalog.search("zebra", scope: .everything, limit: 10)
    #expect(before.map(\.sampleOrdinal) == [nil])
    let pending = try fixture.catalog.contentIndexStatus(scope: .everything)
    #expect(pending == ContentIndexStatus(indexed: 0, total: 5, versions: 1, lastProgress: pending.lastProgress))
    #expect(pending.notice()?.contains("content index: 0% built") == true)
    #expect(pending.isBuilding(now: Date()))
    #expect(!pending.isBuilding(now: Date().addingTimeInterval(60)))
    // Two samples per step: the first step covers ordinals 0 and 1.
    #expect(try fixture.catalog.indexPendingContent(limit: 2) == 2)
    let partial = try fixture.catalog.contentIndexStatus(scope: .everything)
    #expect(partial.indexed == 2 && partial.percent == 40)
    #expect(try fixture.catalog.search("zebra", scope: .everything, limit: 10).compactMap(\.sampleOrdinal) == [0])
    while try fixture.catalog.indexPendingContent(limit: 2) > 0 {}
    #expect(try fixture.catalog.contentIndexStatus(scope: .everything).isComplete)
    let after = try fixture.catalog.search("zebra", scope: .everything, limit: 10)
    #expect(after.compactMap(\.sampleOrdinal).sorted() == [0, 2, 4])
    #expect(after.allSatisfy { $0.datasetID == dataset.id })
    try fixture.checkContentIndex()
  }

  @Test func indexingOneDatasetLeavesAnothersBacklogToTheBackgroundPass() throws {
    let fixture = try StoreFixture()
    let big = try fixture.addDataset("Big", excerpts: (0..<300).map { "big text \($0)" }, indexContent: false)
    let small = try fixture.addDataset("Small", excerpts: ["small text"], indexContent: false)
    var covered = 0
    while case let step = try fixture.catalog.indexPendingContent(limit: 100, datasetID: small.id), step > 0 {
      covered += step
    }
    #expect(covered == 1)
    let left = try fixture.catalog.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT v.dataset_id FROM content_index_backlog b JOIN dataset_version v ON v.id = b.version_id")
    }
    #expect(left == [big.id])
    #expect(try fixture.catalog.indexPendingContent(limit: 1_000) == 300)
    #expect(try !fixture.catalog.hasPendingContentIndex())
  }

  @Test func aWordTheTokenizerSplitsFindsTextWithAllItsParts() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset(
      "Letters", excerpts: ["send an e-mail to the editor", "mail the letter", "l'été à Sète", "e-book reader"])
    let mail = try fixture.catalog.search("e-mail", scope: .everything, limit: 10).compactMap(\.sampleOrdinal)
    #expect(mail == [0])
    #expect(try fixture.catalog.search("l'ete", scope: .everything, limit: 10).compactMap(\.sampleOrdinal) == [2])
    // Metadata keeps phrase matching.
    try fixture.addDataset("E-mail archive", excerpts: ["x"])
    #expect(try fixture.catalog.search("e-mail", scope: .everything, limit: 10).contains { $0.sampleOrdinal == nil })
  }

  @Test func theStatusCountsOnlyDatasetsTheReaderMayDiscover() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Hidden", sensitivity: .restricted, excerpts: words, indexContent: false)
    let stranger = DiscoverScope.limited(userID: 999, login: "nobody", groups: [])
    #expect(try fixture.catalog.contentIndexStatus(scope: stranger).isComplete)
    #expect(try !fixture.catalog.contentIndexStatus(scope: .everything).isComplete)
  }

  @Test func removingADatasetHalfIndexedLeavesTheIndexSound() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Kept", excerpts: ["zebra kept"])
    let doomed = try fixture.addDataset("Doomed", excerpts: words, indexContent: false)
    try fixture.catalog.indexPendingContent(limit: 2)
    try fixture.catalog.removeDataset(
      id: doomed.id ?? 0, expectedRevision: doomed.revision,
      audit: AuditEvent(at: Date(), actor: "amara", action: "dataset.remove", targetKind: "dataset", targetID: "d"))
    // The delete trigger removed only the two indexed rows; the stale backlog row goes
    // at the next step, and nothing is left to index.
    #expect(try fixture.catalog.indexPendingContent() == 0)
    #expect(try fixture.catalog.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM content_index_backlog") } == 0)
    try fixture.checkContentIndex()
    #expect(try fixture.catalog.search("zebra", scope: .everything, limit: 10).map(\.datasetSlug) == ["kept"])
  }

  @Test func anAbandonedImportNeverTouchesTheIndex() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Kept", excerpts: ["zebra kept"])
    let staging = try fixture.stageOneSample(excerpt: "zebra half written")
    // A staging version is not indexed, even by an indexer running meanwhile.
    #expect(try fixture.catalog.indexPendingContent() == 0)
    try fixture.catalog.abandon(staging)
    try fixture.checkContentIndex()
    #expect(try fixture.catalog.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM content_index_backlog") } == 0)
  }

  @Test func aCatalogFromBeforeTheBacklogMigratesWithItsIndexIntact() throws {
    let dir = try TemporaryDirectory("content-index-migration")
    defer { dir.remove() }
    let location = CatalogLocation(directory: dir.appending("c"))
    try location.prepare()
    // A v3 catalog whose import indexed its excerpts in its batches, as v3 did.
    let old = try DatabaseQueue(path: location.databaseURL.path)
    try CatalogMigrations.migrator.migrate(old, upTo: "v3-presence")
    try old.write { db in
      try db.execute(
        sql: """
          INSERT INTO user (id, login, display_name, role, created_at) VALUES (1, 'amara', 'Amara', 'owner', '2026-01-01');
          INSERT INTO dataset (id, slug, name, owner_id, created_at, updated_at)
            VALUES (1, 'old', 'Old', 1, '2026-01-01', '2026-01-01');
          INSERT INTO dataset_version (id, dataset_id, number, origin, state, created_at, sample_count)
            VALUES (1, 1, 1, 'import', 'ready', '2026-01-01', 2);
          UPDATE dataset SET current_version_id = 1 WHERE id = 1;
          INSERT INTO source_file (id, dataset_id, root, relative_path, size, mtime_ns, sha256, media_type)
            VALUES (1, 1, '/r', 'a.jsonl', 10, 0, 'ab', 'jsonl');
          INSERT INTO version_file VALUES (1, 1);
          INSERT INTO sample (id, version_id, ordinal, file_id, byte_offset, byte_length, media_type, sha256, excerpt)
            VALUES (1, 1, 0, 1, 0, 5, 'jsonl', 'a', 'zebra old'), (2, 1, 1, 1, 5, 5, 'jsonl', 'b', 'other old');
          INSERT INTO sample_fts (rowid, excerpt) SELECT id, excerpt FROM sample;
          """)
    }
    try old.close()
    let catalog = try Catalog(location: location)
    // The excerpt index is rebuilt (without positions) by the background pass: until it
    // runs the status says so, then the old text is found again.
    let status = try catalog.contentIndexStatus(scope: .everything)
    #expect(status.versions == 1 && status.total == 2 && status.indexed == 0)
    #expect(try catalog.search("zebra", scope: .everything, limit: 5).isEmpty)
    #expect(try catalog.indexPendingContent() == 2)
    #expect(try catalog.contentIndexStatus(scope: .everything).isComplete)
    #expect(try catalog.search("zebra", scope: .everything, limit: 5).compactMap(\.sampleOrdinal) == [0])
    // Indexed rows of the old version leave the index when the dataset goes.
    try catalog.write { db in try db.execute(sql: "DELETE FROM dataset WHERE id = 1") }
    try catalog.write { db in try db.execute(sql: "INSERT INTO sample_fts(sample_fts) VALUES ('integrity-check')") }
    #expect(try catalog.search("zebra", scope: .everything, limit: 5).isEmpty)
  }
}
