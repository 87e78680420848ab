import Foundation
import PortalCore
import PortalTesting
import Testing

/// `portal clean --min-length --checkpoint-every --max-attempts`: validated, stored with
/// the job, and used by the worker.
@Suite struct CleanSettingsCommandLineTests {
  @Test func settingsAreStoredAndTheMinimumLengthIsApplied() throws {
    let fixture = try QueueFixture("cli-clean-settings")
    defer { fixture.remove() }
    let queued = try fixture.portal([
      "clean", "docs", "--steps", "normalize,quality", "--min-length", "4", "--checkpoint-every", "1", "--max-attempts",
      "5",
      "--json",
    ])
    #expect(queued.status == 0, "\(queued.stderr)")
    let row = try JSONDecoder.iso.decode(JobRow.self, from: Data(queued.stdout.utf8))
    #expect(row.job.maxAttempts == 5)
    #expect(row.job.parameters.contains("\"min_length\":4"))
    #expect(row.job.parameters.contains("\"checkpoint_every\":1"))
    let worker = try fixture.portal(["worker", "--once", "--quiet"])
    #expect(worker.status == 0, "\(worker.stderr)")
    let shown = try fixture.portal(["jobs", "show", String(row.job.id ?? 0), "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    let steps = try #require((object["report"] as? [String: Any])?["steps"] as? [[String: Any]])
    let quality = try #require(steps.first { $0["step"] as? String == "quality" })
    // Normalised, "one" and "two" are under 4 characters; "three" passes the minimum
    // (then fails Gopher's word count).
    #expect((quality["drops_by_rule"] as? [String: Int])?["min_length"] == 2)
  }

  @Test(arguments: [
    (["--min-length", "4"], "add quality to --steps"),
    (["--checkpoint-every", "0"], "--checkpoint-every must be between 1 and 100000"),
    (["--max-attempts", "99"], "--max-attempts must be between 1 and 20"),
    (["--min-length=-3", "--steps", "quality"], "--min-length must be between 0 and 1000000"),
  ])
  func outOfRangeSettingsAreRefusedWithASentence(_ extra: [String], _ message: String) throws {
    let fixture = try QueueFixture("cli-clean-refuse")
    defer { fixture.remove() }
    let steps = extra.contains("--steps") ? [] : ["--steps", "normalize"]
    let result = try fixture.portal(["clean", "docs"] + steps + extra)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try fixture.jobs().isEmpty)
  }
}
