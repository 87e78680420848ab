import Foundation
import GRDB
import Portal
import PortalCore
import PortalStore
import PortalTesting
import PortalWorker
import Synchronization
import Testing

/// The `clean` and `scan` jobs end to end in this process, the session's rules around
/// queueing, and the embedded worker's events.
@Suite struct CleanJobTests {
  @Test func cleanJobPublishesANewVersionWithLineageAndAReport() throws {
    let fixture = try QueueFixture("clean")
    defer { fixture.remove() }
    let queued = try fixture.test.owner.queueClean("docs", steps: ["normalize"])
    #expect(queued.job.state == .queued)
    fixture.test.owner.runWorker(options: WorkerOptions(once: true))
    let row = try fixture.test.owner.job(queued.job.id ?? 0)
    #expect(row.job.state == .succeeded, "\(row.job.error ?? "")")
    #expect(row.resultVersionNumber == 2)
    let samples = try fixture.test.owner.samples(of: "docs")
    #expect(samples.map(\.sample.excerpt) == ["one", "two", "three"])
    #expect(samples.allSatisfy { $0.path.hasPrefix(fixture.test.location.objectsURL.path) })
    let version = try #require(try fixture.test.owner.showDataset("docs").versions.first { $0.number == 2 })
    #expect(version.origin == .clean)
    #expect(version.jobID == queued.job.id)
    #expect(version.parentID != nil)
    #expect(version.report.contains("\"step\":\"normalize\""))
    #expect(version.report.contains("\"changed\":2"))
    for sample in samples { #expect(try fixture.catalog.sourceSampleID(of: sample.sample.id ?? 0) != nil) }
    #expect(try fixture.auditActions(job: queued.job.id) == ["job.queue", "job.complete"])
    let completion = try fixture.catalog.read { db in
      try String.fetchOne(db, sql: "SELECT actor FROM audit_event WHERE action = 'job.complete'")
    }
    #expect(completion == "worker")
  }

  @Test func queueingChecksStepsRightsAndContent() throws {
    let fixture = try QueueFixture("clean-rules")
    defer { fixture.remove() }
    let session = fixture.test.owner
    #expect(throws: PortalError.self) { try session.queueClean("docs", steps: ["shred"]) }
    let internalStep = #expect(throws: PortalError.self) { try session.queueClean("docs", steps: ["pii-scan"]) }
    #expect(internalStep?.description.contains("is not a cleaning step") == true)
    let noImages = #expect(throws: PortalError.self) { try session.queueOCR("docs") }
    #expect(noImages?.description.contains("has no images or PDFs") == true)
  }

  @Test func nearDedupIsStoredLastWhereItRunsAndARepeatedStepIsRefused() throws {
    let fixture = try QueueFixture("clean-order")
    defer { fixture.remove() }
    let session = fixture.test.owner
    let row = try session.queueClean("docs", steps: ["pii", "near-dedup", "quality", "normalize"])
    #expect(row.job.parameters.contains("[\"pii\",\"quality\",\"normalize\",\"near-dedup\"]"))
    let twice = #expect(throws: PortalError.self) { try session.queueClean("docs", steps: ["pii", "dedup", "pii"]) }
    #expect(twice?.description.contains("'pii' step is named twice") == true)
    let help = try fixture.portal(["clean", "--help"])
    #expect(help.stdout.contains("near-dedup always runs last"))
  }

  @Test func aViewerCannotQueueOrCancelJobs() throws {
    let test = try TestCatalog("clean-viewer", demo: true)
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    _ = try data.write("hello", to: "a.txt")
    try test.owner.importDataset(ImportRequest(paths: [data.path], name: "Docs"))
    _ = try test.owner.addUser(login: "vera", role: .viewer)
    let queued = try test.owner.queueClean("docs", steps: ["normalize"])
    let viewer = try test.session(as: "vera")
    #expect(throws: PortalError.self) { try viewer.queueClean("docs", steps: ["normalize"]) }
    #expect(throws: PortalError.self) { try viewer.cancelJob(queued.job.id ?? 0) }
    #expect(try test.owner.cancelJob(queued.job.id ?? 0).job.state == .cancelled)
  }

  @Test func piiStepRecordsAScanForThePublishedVersion() throws {
    let fixture = try QueueFixture(
      "pii", documents: ["mail me at a@b.example", "nothing here", "c@d.example e@f.example"])
    defer { fixture.remove() }
    let clean = try fixture.enqueue(.clean, parameters: "{\"steps\":[\"normalize\",\"pii\"]}")[0]
    let scan = try fixture.enqueue(.scan, parameters: "{\"steps\":[]}")[0]
    let worker = Worker(
      catalog: fixture.catalog, options: WorkerOptions(once: true),
      handlers: JobHandlers.standard(cleaning: CountingPIIFactory()))
    worker.run()
    let cleaned = try #require(try fixture.job(clean.id))
    #expect(cleaned.state == .succeeded, "\(cleaned.error ?? "")")
    let produced = try #require(try fixture.catalog.latestPIIScan(versionID: cleaned.resultVersionID ?? 0))
    // The published version was redacted: its scan is clean; the job's report keeps
    // what was found and replaced.
    #expect(produced == PIIScanRecord(samplesScanned: 3, findings: 0, byType: "{}"))
    #expect(try fixture.job(clean.id)?.state == .succeeded)
    let scanned = try #require(try fixture.job(scan.id))
    #expect(scanned.state == .succeeded)
    #expect(scanned.resultVersionID == nil)
    #expect(try fixture.catalog.latestPIIScan(versionID: scan.versionID ?? 0)?.findings == 3)
  }

  @Test func realCleaningStepsRedactDeduplicateAndRecordThePIIScan() throws {
    let fixture = try QueueFixture(
      "clean-real",
      documents: ["Write to jane.doe@example.com today.", "Write to jane.doe@example.com today.", "plain"])
    defer { fixture.remove() }
    let queued = try fixture.test.owner.queueClean("docs", steps: ["normalize", "pii", "dedup"])
    let scan = try fixture.test.owner.queueScan("docs")
    fixture.test.owner.runWorker(options: WorkerOptions(once: true))
    let row = try fixture.test.owner.job(queued.job.id ?? 0)
    #expect(row.job.state == .succeeded, "\(row.job.error ?? "")")
    let kept = try fixture.test.owner.samples(of: "docs").compactMap(\.sample.excerpt)
    #expect(kept.count == 2)
    #expect(!kept.joined().contains("jane.doe@example.com"))
    // The cleaned version is what search sees: its text is indexed, the address is gone.
    #expect(try fixture.test.owner.search("today").contains { $0.sampleOrdinal != nil })
    #expect(try fixture.test.owner.search("jane").allSatisfy { $0.sampleOrdinal == nil })
    let produced = try #require(try fixture.catalog.latestPIIScan(versionID: row.job.resultVersionID ?? 0))
    #expect(produced.findings == 0)
    let report = try #require(
      try fixture.test.owner.showDataset("docs").versions.first { $0.id == row.job.resultVersionID })
    #expect(report.report.contains("EMAIL"))
    let scanned = try fixture.test.owner.job(scan.job.id ?? 0)
    #expect(scanned.job.state == .succeeded, "\(scanned.job.error ?? "")")
    #expect(try fixture.catalog.latestPIIScan(versionID: scan.job.versionID ?? 0)?.samplesScanned == 3)
  }

  @Test func nearDuplicatesFoundAfterTheStreamAreRemovedFromTheStagedOutput() throws {
    let story =
      "The harbour council met on Tuesday evening to discuss the future of the old fish market, which has stood empty since the storm of last winter damaged its roof and flooded the cold stores beneath the quay"
    let fixture = try QueueFixture(
      "near-dedup",
      documents: [
        story + " and the mayor promised a decision by spring.",
        story + " and the mayor promised a decision by summer.",
        "A completely different text about the library opening hours, the new reading room and the volunteers who run the Saturday workshops for children and their families in the old town.",
      ])
    defer { fixture.remove() }
    let queued = try fixture.test.owner.queueClean("docs", steps: ["near-dedup"])
    fixture.test.owner.runWorker(options: WorkerOptions(once: true))
    let row = try fixture.test.owner.job(queued.job.id ?? 0)
    #expect(row.job.state == .succeeded, "\(row.job.error ?? "")")
    let kept = try fixture.test.owner.samples(of: "docs").compactMap(\.sample.excerpt)
    #expect(kept.count == 2, "\(kept)")
    #expect(kept.contains { $0.hasPrefix("A completely different") })
    let version = try #require(try fixture.test.owner.showDataset("docs").versions.first { $0.number == 2 })
    #expect(version.sampleCount == 2)
    // The report names the cluster and shows the removed document.
    let report = try fixture.test.owner.jobReport(queued.job.id ?? 0)
    let step = try #require(report.steps.first { $0.step == "near-dedup" })
    #expect(step.clusters.map(\.kept) == [0])
    #expect(step.clusters.map(\.removed) == [[1]])
    #expect(step.examples.map(\.id) == [1])
    #expect(step.examples.first?.label == "near_duplicate")
    #expect(step.examples.first?.snippet.hasPrefix("The harbour council met") == true)
  }

  @Test func aLanguageStepSetsTheDatasetsLanguagesWhenItPublishes() throws {
    let fixture = try QueueFixture(
      "clean-lang",
      documents: [
        "The weather was fine and the children walked to the school with their friends in the morning.",
        "Le temps était beau et les enfants sont allés à l'école avec leurs amis pendant la matinée.",
        "1234 5678 9012",
      ])
    defer { fixture.remove() }
    // Without a language step the languages stay as they were.
    let plain = try fixture.test.owner.queueClean("docs", steps: ["normalize"])
    fixture.test.owner.runWorker(options: WorkerOptions(once: true))
    #expect(try fixture.test.owner.job(plain.job.id ?? 0).job.state == .succeeded)
    #expect(try fixture.test.owner.showDataset("docs").summary.dataset.languages == [])
    let queued = try fixture.test.owner.queueClean("docs", steps: ["normalize", "lang"])
    fixture.test.owner.runWorker(options: WorkerOptions(once: true))
    #expect(try fixture.test.owner.job(queued.job.id ?? 0).job.state == .succeeded)
    let samples = try fixture.test.owner.samples(of: "docs")
    #expect(samples.compactMap(\.sample.language).sorted().contains("und"), "the digits stay undetermined")
    #expect(try fixture.test.owner.showDataset("docs").summary.dataset.languages == ["en", "fr"])
    let audited = try fixture.catalog.read { db in
      try String.fetchAll(db, sql: "SELECT after FROM audit_event WHERE action = 'dataset.languages'")
    }
    #expect(audited == ["{\"job\":\(queued.job.id ?? 0),\"languages\":[\"en\",\"fr\"]}"])
  }

  @Test func embeddedWorkerReportsJobEndsAndHandsBackRunningJobsWhenStopped() throws {
    let fixture = try QueueFixture("embedded")
    defer { fixture.remove() }
    let seen = Mutex<[JobEvent]>([])
    let embedded = fixture.test.owner.startEmbeddedWorker(
      options: WorkerOptions(idlePoll: 0.05), onEvent: { event in seen.withLock { $0.append(event) } })
    let queued = try fixture.test.owner.queueClean("docs", steps: ["normalize"])
    #expect(
      QueueFixture.waitUntil(20) {
        seen.withLock { $0.contains { $0.jobID == queued.job.id && $0.kind == .succeeded } }
      })
    #expect(embedded.stop(waitingUpTo: 10))
    // A worker told to stop mid-job hands the job back without spending an attempt.
    let sleep = try fixture.enqueue(.testSleep, parameters: "{\"seconds\":30}")[0]
    let worker = Worker(
      catalog: fixture.catalog, options: WorkerOptions(allowTestJobs: true), handlers: JobHandlers.standard())
    let thread = Thread { worker.run() }
    thread.start()
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(sleep.id)?.state == .running })
    worker.stop()
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(sleep.id)?.state == .queued })
    #expect(try fixture.job(sleep.id)?.attempt == 0)
  }

  @Test func testKindsAreNotClaimedUnlessTheProcessAllowsThem() throws {
    let fixture = try QueueFixture("gated")
    defer { fixture.remove() }
    let job = try fixture.enqueue(.testNoop)[0]
    Worker(catalog: fixture.catalog, options: WorkerOptions(once: true), handlers: JobHandlers.standard()).run()
    #expect(try fixture.job(job.id)?.state == .queued)
    #expect(!JobHandlers.testJobsAllowed(catalog: fixture.catalog, environment: [:]))
    #expect(JobHandlers.testJobsAllowed(catalog: fixture.catalog, environment: ["PORTAL_ENABLE_TEST_JOBS": "1"]))
    let plain = try TestCatalog("gated-plain")
    defer { plain.remove() }
    #expect(!JobHandlers.testJobsAllowed(catalog: try plain.catalog(), environment: ["PORTAL_ENABLE_TEST_JOBS": "1"]))
  }
}

/// A stand-in for PortalCleaning's PII step (only in this unit test of the code around
/// it): counts "@" as an e-mail address.
struct CountingPIIFactory: TextCleaningPipelineFactory {
  var availableSteps: [String] { ["normalize", "pii"] }

  func makePipeline(steps: [String], detectOnly: Bool) throws -> any TextCleaningPipeline { CountingPII() }

  struct CountingPII: TextCleaningPipeline {
    var found = 0

    mutating func process(_ document: CleaningDocument) -> CleaningDocument? {
      found += document.text.filter { $0 == "@" }.count
      return document
    }

    mutating func finish() throws -> [Int] { [] }
    func reports() -> [CleaningStepReport] { [CleaningStepReport(step: "pii", findings: ["EMAIL": found])] }
    var piiFindings: [String: Int]? { ["EMAIL": found] }
    func saveState() throws -> Data { Data(String(found).utf8) }
    mutating func restoreState(_ data: Data) throws { found = Int(String(decoding: data, as: UTF8.self)) ?? 0 }
  }
}
