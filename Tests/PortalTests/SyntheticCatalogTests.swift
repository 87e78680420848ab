import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

struct SyntheticCatalogTests {
  @Test func theGeneratorMakesExactlyTheAskedNumbersOfListableDatasetsAndSamples() throws {
    let directory = try TemporaryDirectory("synthetic")
    defer { directory.remove() }
    let location = CatalogLocation(directory: directory.appending("catalog"))
    let session = try SyntheticCatalog.build(at: location, datasets: 250, samples: 2_600)
    #expect(try session.countDatasets() == 250)
    let all = try session.listDatasets(limit: 1_000)
    #expect(all.reduce(0) { $0 + $1.sampleCount } == 2_600)
    #expect(Set(all.map(\.sampleCount)).count > 1)
    let first = try #require(all.first)
    #expect(try session.samples(of: first.dataset.slug, limit: 1_000).count == first.sampleCount)
    #expect(try session.countDatasets(DatasetQuery(text: "synthetic")) == 250)
    #expect(try session.verifyAudit().brokenEventID == nil)
  }

  @Test func theChangeWatcherMovesWhenAnotherSessionWrites() throws {
    let test = try TestCatalog("watch", demo: true)
    defer { test.remove() }
    let watcher = try test.owner.makeChangeWatcher()
    let before = try watcher.changeToken()
    #expect(try watcher.changeToken() == before)
    try PortalSession.open(location: test.location).addUser(login: "rita", role: .reviewer)
    #expect(try watcher.changeToken() != before)
  }

  @Test func accessListsNeedPreviewOrManage() throws {
    let test = try TestCatalog("access", demo: true)
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "Kit"))
    try test.owner.addUser(login: "rita", role: .reviewer)
    try test.owner.addUser(login: "vic", role: .viewer)
    try test.owner.grant("kit", to: "rita", kind: .user, permission: .preview)
    try test.owner.grant("kit", to: "vic", kind: .user, permission: .discover)
    let access = try test.owner.datasetAccess("kit")
    #expect(access.grants.map(\.grant.principal) == ["rita", "vic"])
    #expect(access.grants.allSatisfy { $0.grantedBy == test.owner.actor.login })
    #expect(try test.session(as: "rita").datasetAccess("kit").grants.count == 2)
    #expect(throws: PortalError.self) { try test.session(as: "vic").datasetAccess("kit") }
  }
}
