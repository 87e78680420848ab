import Foundation
import GRDB
import PortalCore
import PortalTesting
import Testing

@testable import PortalStore

struct StagingTests {
  @Test func aNewVersionOfAPublicDatasetIsRefusedInThePublishingTransaction() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let dataset = try fixture.addDataset("Open", visibility: .public, excerpts: ["vouched for"])
    let staging = try fixture.stageOneSample(excerpt: "123-45-6789", of: dataset.id)
    #expect {
      _ = try fixture.catalog.publish(
        staging, report: "{}",
        audit: AuditEvent(at: Date(), actor: "amara", action: "dataset.rescan", targetKind: "dataset", targetID: "o"),
        update: { _ in })
    } throws: { "\($0)".contains("content is frozen") }
    let current = try fixture.catalog.dataset(named: "open")?.currentVersionID
    #expect(current == dataset.currentVersionID)
    let events = try fixture.catalog.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event WHERE action = 'dataset.rescan'") ?? -1
    }
    #expect(events == 0)
  }

  @Test func aStagingVersionIsInvisibleUntilPublished() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let staging = try fixture.stageOneSample(excerpt: "half written")
    #expect(try fixture.catalog.countDatasets(matching: DatasetQuery(), scope: .everything) == 0)
    #expect(try fixture.catalog.dataset(named: "half") == nil)
    #expect(try fixture.catalog.search("half", scope: .everything, limit: 10).isEmpty)
    try fixture.catalog.abandon(staging)
    let left = try fixture.catalog.read { db in
      (
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sample") ?? -1,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM dataset") ?? -1,
        try Int.fetchOne(db, sql: "SELECT count(*) FROM source_file") ?? -1
      )
    }
    #expect(left == (0, 0, 0))
  }

  @Test func anAbandonedStagingVersionIsCollectedWhenItsLeaseRunsOut() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let start = Date()
    let staging = try fixture.catalog.beginVersion(
      of: nil, creating: Dataset(slug: "crashed", name: "Crashed", ownerID: fixture.ownerID), origin: .import,
      parameters: "{}", createdBy: fixture.ownerID, now: start)
    #expect(try fixture.catalog.collectAbandonedStaging(now: start.addingTimeInterval(10)) == 0)
    #expect(try fixture.catalog.collectAbandonedStaging(now: start.addingTimeInterval(Catalog.stagingLease + 1)) == 1)
    #expect(try fixture.catalog.dataset(id: staging.datasetID) == nil)
  }

  @Test func publishingSetsCountsModalityAndAnAuditEventTogether() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let dataset = try fixture.addDataset("Support logs", excerpts: ["one", "two", "three"])
    let summary = try #require(try fixture.catalog.summary(of: dataset.id ?? 0))
    #expect(summary.sampleCount == 3)
    #expect(summary.totalBytes == 30)
    #expect(summary.versionNumber == 1)
    #expect(dataset.modality == .text)
    let events = try fixture.catalog.auditEvents(datasetID: dataset.id)
    #expect(events.map(\.action) == ["dataset.import"])
  }

  @Test func aSecondDatasetWithTheSameSlugIsRefusedWithAHint() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Press 2019")
    #expect {
      try fixture.addDataset("press 2019")
    } throws: { error in
      (error as? StoreError)?.description.contains("--rescan") == true
    }
  }
}
