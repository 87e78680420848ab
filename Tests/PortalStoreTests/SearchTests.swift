import Foundation
import PortalCore
import PortalTesting
import Testing

@testable import PortalStore

struct SearchTests {
  @Test func searchFindsNamesDescriptionsTagsAndSampleText() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Press archive", description: "Regional newspapers", tags: ["press"])
    try fixture.addDataset("Archives sonores", excerpts: ["La Société des amis du patrimoine"])
    let byName = try fixture.catalog.search("press", scope: .everything, limit: 10)
    #expect(byName.first?.datasetSlug == "press-archive")
    #expect(byName.first?.sampleOrdinal == nil)
    let byDescription = try fixture.catalog.search("newspaper", scope: .everything, limit: 10)
    #expect(byDescription.map(\.datasetSlug) == ["press-archive"])
    let byContent = try fixture.catalog.search("societe", scope: .everything, limit: 10)
    #expect(byContent.map(\.datasetSlug) == ["archives-sonores"])
    #expect(byContent.first?.sampleOrdinal == 0)
    #expect(byContent.first?.snippet.contains("[Société]") == true)
  }

  @Test func searchSyntaxInTheQueryIsJustText() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Quotes", excerpts: ["he said \"hello\" AND left"])
    #expect(try fixture.catalog.search("\"hello", scope: .everything, limit: 10).count == 1)
    #expect(try fixture.catalog.search("hello AND (", scope: .everything, limit: 10).count == 1)
    #expect(try fixture.catalog.search("NOT OR", scope: .everything, limit: 10).isEmpty)
    #expect(try fixture.catalog.search("***", scope: .everything, limit: 10).isEmpty)
  }

  @Test func onlyTheCurrentVersionIsSearched() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let dataset = try fixture.addDataset("Versions", excerpts: ["obsolete wording"])
    let staging = try fixture.stageOneSample(excerpt: "fresh wording", of: dataset.id)
    _ = try fixture.catalog.publish(
      staging, report: "{}",
      audit: AuditEvent(at: Date(), actor: "amara", action: "dataset.rescan", targetKind: "dataset", targetID: "v"),
      update: { _ in })
    // A rescan's text is indexed after publishing, as the session does.
    while try fixture.catalog.indexPendingContent() > 0 {}
    #expect(try fixture.catalog.search("obsolete", scope: .everything, limit: 10).isEmpty)
    #expect(try fixture.catalog.search("fresh", scope: .everything, limit: 10).count == 1)
  }
}
