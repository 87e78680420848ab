import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

/// An import that leaves its samples' text to the background: the dataset is there at
/// once, search says its content index is incomplete, and the text becomes searchable
/// once a pass (`buildContentIndex`, a worker) has run.
struct ContentIndexSessionTests {
  @Test func textImportedForBackgroundIndexingBecomesSearchableOnceBuilt() throws {
    let test = try TestCatalog("content-index")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    let report = try test.owner.importDataset(
      ImportRequest(paths: [root.path], name: "Field kit", contentIndex: .background))
    #expect(report.contentIndexPending)
    #expect(report.samples == SampleTree.expectedSamples)
    // The dataset is listed and its metadata searchable at once…
    #expect(try test.owner.search("field").contains { $0.sampleOrdinal == nil })
    // …its sample text not yet, and the status says so.
    #expect(try test.owner.search("parcel").isEmpty)
    let pending = try test.owner.contentIndexStatus()
    #expect(!pending.isComplete)
    #expect(pending.total == SampleTree.expectedSamples)
    #expect(pending.notice()?.hasPrefix("content index: 0% built") == true)
    var seen: [Int] = []
    let covered = try test.owner.buildContentIndex(progress: { seen.append($0.percent) })
    #expect(covered == SampleTree.expectedSamples)
    #expect(seen.last == 100)
    #expect(try test.owner.contentIndexStatus().isComplete)
    #expect(try test.owner.search("parcel").contains { $0.sampleOrdinal != nil && $0.snippet.contains("[parcel]") })
  }

  @Test func anImportIndexingNowIsSearchableWhenItReturns() throws {
    let test = try TestCatalog("content-index-now")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let report = try test.owner.importDataset(
      ImportRequest(paths: [try SampleTree.write(into: data).path], name: "Field kit", contentIndex: .now))
    #expect(!report.contentIndexPending)
    #expect(try test.owner.search("parcel").contains { $0.sampleOrdinal != nil })
  }

  @Test func aWorkerBuildsAPendingIndexWhenItHasNoJobToRun() throws {
    let test = try TestCatalog("content-index-worker")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "Field kit", contentIndex: .background))
    // A rescan's new version waits for its own pass too.
    try data.write("{\"id\":7,\"text\":\"A lighthouse keeper's log.\"}\n", to: "tree/more.jsonl")
    let rescan = try test.owner.rescan("field-kit", contentIndex: .background)
    #expect(rescan.versionNumber == 2 && rescan.contentIndexPending)
    #expect(try test.owner.search("lighthouse").isEmpty)
    test.owner.runWorker(options: WorkerOptions(idlePoll: 0.05, once: true))
    #expect(try test.owner.contentIndexStatus().isComplete)
    #expect(try test.owner.search("lighthouse").contains { $0.sampleOrdinal != nil })
    #expect(try test.owner.search("parcel").contains { $0.sampleOrdinal != nil })
  }
}
