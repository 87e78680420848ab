import Foundation
import GRDB
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// reliability.md scenarios 5–7 with real `portal worker` processes.
@Suite(.serialized) struct QueueFailureScenarioTests {
  @Test func poisonJobFailsAfterItsAttemptsWithTheErrorKeptAndNoCrashLoop() throws {
    let fixture = try QueueFixture("poison")
    defer { fixture.remove() }
    let id = try fixture.enqueue(.testCrash, maxAttempts: 3)[0].id
    let healthy = try fixture.enqueue(.testNoop)[0].id
    var crashes = 0
    var runs = 0
    while try fixture.job(id)?.state.isFinal == false && runs < 8 {
      // A supervisor (systemd, a script) restarts the worker after each crash.
      let result = try fixture.startWorker(["--once", "--retry-delay", "0.01"]).wait()
      runs += 1
      if result.status != 0 { crashes += 1 }
    }
    let job = try #require(try fixture.job(id))
    #expect(job.state == .failed)
    #expect(job.attempt == 3)
    #expect(crashes == 3)
    #expect(job.error?.contains("attempt 3 of 3") == true)
    #expect(job.error?.contains("exited while running it") == true)
    // The next worker neither claims it nor crashes, and ran the healthy job.
    let after = try fixture.startWorker(["--once"]).wait()
    #expect(after.status == 0)
    #expect(try fixture.job(healthy)?.state == .succeeded)
    #expect(try fixture.auditActions(job: id).last == "job.fail")
  }

  @Test func resumedJobProcessesEveryItemExactlyOnceInItsOutput() throws {
    let fixture = try QueueFixture("resume")
    defer { fixture.remove() }
    let log = fixture.scratch.appending("items.log").path
    let total = 40
    let every = 4
    let id = try fixture.enqueue(
      .testItems, parameters: "{\"items\":\(total),\"every\":\(every),\"delayMillis\":40,\"log\":\"\(log)\"}",
      maxAttempts: 10)[0].id
    var kills = 0
    var highWater: Int64 = 0
    for _ in 0..<3 {
      let worker = try fixture.startWorker(["--once", "--retry-delay", "0.01"])
      let target = highWater + Int64(2 * every)
      let reached = try QueueFixture.waitUntil(30) { (try fixture.job(id)?.progressDone ?? 0) >= target }
      kill(worker.pid, SIGKILL)
      _ = worker.wait()
      if reached { kills += 1 }
      let done = try fixture.job(id)?.progressDone ?? 0
      // Progress is never lost across a kill: the next attempt starts at the checkpoint.
      #expect(done >= highWater)
      highWater = done
      if try fixture.job(id)?.state == .succeeded { break }
    }
    #expect(try fixture.startWorker(["--once", "--retry-delay", "0.01"]).wait().status == 0)
    let job = try #require(try fixture.job(id))
    #expect(job.state == .succeeded)
    #expect(kills >= 2)
    let excerpts = try fixture.catalog.read { db in
      try String.fetchAll(
        db, sql: "SELECT excerpt FROM sample WHERE version_id = ? ORDER BY ordinal", arguments: [job.resultVersionID])
    }
    #expect(excerpts == (0..<total).map { "item \($0)" })
    // Each kill re-does at most one checkpoint interval (plus the item in flight).
    let processed = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").count
    #expect(processed <= total + kills * (every + 1), "processed \(processed) items for \(total)")
  }

  @Test func unreadableInputFailsTheJobWithAClearErrorAndLeavesTheCatalogIntact() throws {
    let fixture = try QueueFixture("unreadable")
    defer { fixture.remove() }
    let before = try fixture.catalog.dataset(id: fixture.datasetID)?.currentVersionID
    try FileManager.default.removeItem(at: fixture.scratch.appending("docs"))
    let queued = try fixture.portal(["clean", "docs", "--steps", "normalize", "--json"])
    #expect(queued.status == 0, "\(queued.stderr)")
    let worker = try fixture.startWorker(["--once", "--retry-delay", "0.01"]).wait()
    #expect(worker.status == 0)
    let job = try #require(try fixture.jobs().last)
    #expect(job.state == .failed)
    #expect(job.attempt == job.maxAttempts)
    #expect(
      job.error?.contains("cannot read doc0.txt (moved since import, or no permission)") == true, "\(job.error ?? "")")
    #expect(try fixture.catalog.dataset(id: fixture.datasetID)?.currentVersionID == before)
    #expect(try fixture.catalog.integrityCheck() == "ok")
    let show = try fixture.portal(["jobs", "show", String(job.id ?? 0)])
    #expect(show.stdout.contains("moved since import"))
  }

  @Test func fullDiskFailsTheJobWithAClearErrorAndPublishesNothing() throws {
    let fixture = try QueueFixture("disk-full")
    defer { fixture.remove() }
    let before = try fixture.catalog.dataset(id: fixture.datasetID)?.currentVersionID
    let queued = try fixture.portal(["clean", "docs", "--steps", "normalize", "--json"])
    #expect(queued.status == 0, "\(queued.stderr)")
    let id = try #require(try fixture.jobs().last?.id)
    // The job's output file is written through /dev/full: every write fails with
    // ENOSPC, exactly as on a full disk.
    let directory = fixture.test.location.objectsURL.appendingPathComponent("jobs/\(id)/clean")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent(".part-00000000.jsonl.partial").path, withDestinationPath: "/dev/full")
    let worker = try fixture.startWorker(["--once", "--retry-delay", "0.01"]).wait()
    #expect(worker.status == 0)
    let job = try #require(try fixture.job(id))
    #expect(job.state == .failed)
    #expect(job.error?.contains("free some disk space") == true, "\(job.error ?? "")")
    #expect(try fixture.catalog.dataset(id: fixture.datasetID)?.currentVersionID == before)
    let staged = try fixture.catalog.read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM dataset_version WHERE state = 'staging'")
    }
    #expect(try fixture.catalog.collectAbandonedStaging(now: Date() + 3600) == staged)
    #expect(try fixture.catalog.integrityCheck() == "ok")
    // What the failed job wrote is gone: nothing refers to it.
    let jobFiles = fixture.test.location.objectsURL.appendingPathComponent("jobs/\(id)").path
    #expect(!FileManager.default.fileExists(atPath: jobFiles), "\(jobFiles) left behind")
  }
}
