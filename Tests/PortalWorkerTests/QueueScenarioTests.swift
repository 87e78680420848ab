import Foundation
import GRDB
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// reliability.md scenarios 1–4 with real `portal worker` processes, scaled to run in
/// well under a minute each (`scripts/soak-queue` runs the full-size versions).
@Suite(.serialized) struct QueueScenarioTests {
  @Test func sigkillLoopLosesNoJobAndWritesNoItemTwice() throws {
    let fixture = try QueueFixture("sigkill")
    defer { fixture.remove() }
    let jobs = Soak.int("PORTAL_SOAK_JOBS", 200)
    let items = 4
    let killEvery = Soak.double("PORTAL_SOAK_KILL_EVERY", 0.5)
    try fixture.enqueue(
      .testItems, count: jobs, parameters: "{\"items\":\(items),\"every\":2,\"delayMillis\":10}", maxAttempts: 20)
    var kills = 0
    let deadline = Date() + Double(jobs) * 0.6
    while try fixture.catalog.jobCounts()[.succeeded, default: 0] < jobs && Date() < deadline {
      let worker = try fixture.startWorker(["--once", "--retry-delay", "0.01", "--quiet"])
      // The scenario's workload: the worker gets a random slice of time before the
      // SIGKILL (not synchronisation — the loop ends on a condition with a deadline).
      Thread.sleep(forTimeInterval: Double.random(in: killEvery...(2 * killEvery)))
      kill(worker.pid, SIGKILL)
      _ = worker.wait()
      kills += 1
    }
    // Let a last worker finish whatever the final kill interrupted.
    let last = try fixture.startWorker(["--once", "--retry-delay", "0.01", "--quiet"])
    #expect(last.wait().status == 0)
    #expect(kills >= 3)
    let all = try fixture.jobs()
    #expect(all.count == jobs)
    #expect(all.allSatisfy { $0.state == .succeeded })
    // Every job's published version holds items 0..<items, each exactly once.
    let outputs = try fixture.catalog.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT j.id, group_concat(s.excerpt, '|') AS items, count(*) AS n FROM job j
          JOIN sample s ON s.version_id = j.result_version_id GROUP BY j.id
          """
      ).map { (id: $0["id"] as Int64, items: $0["items"] as String) }
    }
    #expect(outputs.count == jobs)
    let expected = (0..<items).map { "item \($0)" }
    for row in outputs {
      let found = row.items.split(separator: "|").map(String.init).sorted()
      #expect(found == expected, "job \(row.id) wrote \(found)")
    }
    #expect(try fixture.catalog.integrityCheck() == "ok")
    #expect(try fixture.test.owner.verifyAudit().brokenEventID == nil)
  }

  @Test func stalledWorkersJobIsRescuedAndItsLateHeartbeatWritesNothing() throws {
    let fixture = try QueueFixture("stalled")
    defer { fixture.remove() }
    let id = try fixture.enqueue(.testSleep, parameters: "{\"seconds\":2}")[0].id
    let fast = ["--lease", "1", "--heartbeat", "0.25", "--rescue-every", "0.2", "--retry-delay", "0.01"]
    let stalled = try fixture.startWorker(fast + ["--once"])
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(id)?.state == .running })
    kill(stalled.pid, SIGSTOP)
    // A station's second worker, running all the time.
    let rescuer = try fixture.startWorker(fast)
    // Once the lease has run out (heartbeats stopped with the process) the job is rescued
    // and claimed by the rescuer.
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(id)?.attempt == 2 })
    // The scenario keeps the stalled worker stopped a while longer (past twice its lease)
    // so it wakes well after the rescue; nothing waits on this.
    Thread.sleep(forTimeInterval: 0.5)
    kill(stalled.pid, SIGCONT)
    let stalledOutput = stalled.wait()
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(id)?.state == .succeeded })
    kill(rescuer.pid, SIGTERM)
    #expect(rescuer.wait().status == 0)
    let job = try #require(try fixture.job(id))
    #expect(job.state == .succeeded)
    #expect(job.attempt == 2)
    #expect(stalledOutput.stdout.contains("leaseLost"))
    #expect(!stalledOutput.stdout.contains("succeeded"))
    let actions = try fixture.auditActions(job: id)
    #expect(actions.filter { $0 == "job.complete" }.count == 1)
    #expect(actions.contains("job.rescue"))
  }

  @Test func fourWorkersRaceForJobsWithoutDoubleClaimsOrLockErrors() throws {
    let fixture = try QueueFixture("race")
    defer { fixture.remove() }
    let count = Soak.int("PORTAL_SOAK_RACE_JOBS", 2000)
    let log = fixture.scratch.appending("claims.log").path
    try fixture.enqueue(.testNoop, count: count, parameters: "{\"log\":\"\(log)\"}")
    let workers = try (0..<4).map { _ in try fixture.startWorker(["--once", "--quiet", "--rescue-every", "600"]) }
    let results = workers.map { $0.wait() }
    #expect(results.allSatisfy { $0.status == 0 })
    let errors = results.map(\.stderr).joined()
    #expect(!errors.lowercased().contains("locked"), "\(errors)")
    #expect(errors.isEmpty, "\(errors)")
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    let claimed = lines.map { $0.split(separator: " ")[0] }
    #expect(lines.count == count)
    #expect(Set(claimed).count == count)
    #expect(Set(lines.map { $0.split(separator: " ")[1] }).count > 1, "only one worker got work")
    let all = try fixture.jobs()
    #expect(all.allSatisfy { $0.state == .succeeded && $0.attempt == 1 })
  }

  @Test func cancellingARunningJobStopsItWithinTwoHeartbeatsAndItIsNotRetried() throws {
    let fixture = try QueueFixture("cancel")
    defer { fixture.remove() }
    let id = try #require(try fixture.enqueue(.testSleep, parameters: "{\"seconds\":60}")[0].id)
    let heartbeat = 0.5
    let worker = try fixture.startWorker(["--once", "--heartbeat", String(heartbeat), "--retry-delay", "0.01"])
    #expect(try QueueFixture.waitUntil(20) { try fixture.job(id)?.state == .running })
    let asked = Date()
    let cancel = try fixture.portal(["jobs", "cancel", String(id)])
    #expect(cancel.status == 0, "\(cancel.stderr)")
    #expect(try QueueFixture.waitUntil(10) { try fixture.job(id)?.state == .cancelled })
    let took = Date().timeIntervalSince(asked)
    // Two heartbeats, plus the CLI's own start-up on a busy machine.
    #expect(took < 2 * heartbeat + 1.5, "took \(took) s")
    #expect(worker.wait().status == 0)
    let job = try #require(try fixture.job(id))
    #expect(job.state == .cancelled)
    #expect(job.attempt == 1)
    #expect(try fixture.auditActions(job: id).suffix(2) == ["job.cancel", "job.cancelled"])
  }
}

/// Scenario sizes: small in CI, full size when `scripts/soak-queue` sets the variables.
enum Soak {
  static func int(_ name: String, _ fallback: Int) -> Int {
    ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
  }

  static func double(_ name: String, _ fallback: Double) -> Double {
    ProcessInfo.processInfo.environment[name].flatMap(Double.init) ?? fallback
  }
}
