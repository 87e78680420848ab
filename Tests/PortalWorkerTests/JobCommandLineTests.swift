import Foundation
import PortalCore
import PortalTesting
import Testing

@testable import PortalWorker

/// The job commands through the real binary: JSON for scripts, clear refusals.
@Suite struct JobCommandLineTests {
  @Test func jobsCanBeQueuedListedShownAndRetriedAsJSON() throws {
    let fixture = try QueueFixture("cli")
    defer { fixture.remove() }
    let queued = try fixture.portal(["clean", "docs", "--steps", "normalize,pii", "--json"])
    #expect(queued.status == 0, "\(queued.stderr)")
    let row = try JSONDecoder.iso.decode(JobRow.self, from: Data(queued.stdout.utf8))
    #expect(row.job.kind == .clean)
    #expect(row.job.parameters.contains("\"pii\""))
    let listed = try fixture.portal(["jobs", "list", "--state", "queued", "--json"])
    #expect(try JSONDecoder.iso.decode([JobRow].self, from: Data(listed.stdout.utf8)).map(\.job.id) == [row.job.id])
    let cancelled = try fixture.portal(["jobs", "cancel", String(row.job.id ?? 0)])
    #expect(cancelled.stdout.contains("Cancelled job"))
    let again = try fixture.portal(["jobs", "cancel", String(row.job.id ?? 0)])
    #expect(again.status != 0)
    #expect(again.stderr.contains("already cancelled"))
    let retried = try fixture.portal(["jobs", "retry", String(row.job.id ?? 0), "--json"])
    #expect(try JSONDecoder.iso.decode(JobRow.self, from: Data(retried.stdout.utf8)).job.state == .queued)
    let shown = try fixture.portal(["jobs", "show", "999"])
    #expect(shown.status != 0)
    #expect(shown.stderr.contains("there is no job 999"))
  }

  @Test func queueingRefusesWhatCannotRun() throws {
    let fixture = try QueueFixture("cli-refuse")
    defer { fixture.remove() }
    let ocr = try fixture.portal(["ocr", "docs"])
    #expect(ocr.status != 0)
    #expect(ocr.stderr.contains("has no images or PDFs"))
    let steps = try fixture.portal(["clean", "docs", "--steps", "normalize,shred"])
    #expect(steps.stderr.contains("'shred' is not a cleaning step"))
    let missing = try fixture.portal(["transcribe", "nope"])
    #expect(missing.stderr.contains("no dataset named 'nope'"))
  }

  @Test func auditDetailsAreValidJSONWhateverTheErrorSays() throws {
    let text = JobRun.json(["error": "bad \"quote\" \\ and\nnewline\u{1}", "kind": "clean"])
    let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
    #expect(decoded?["error"] == "bad \"quote\" \\ and\nnewline\u{1}")
    #expect(text.hasPrefix("{\"error\""))
  }
}

extension JSONDecoder {
  /// Decodes the CLI's JSON (ISO-8601 dates).
  static var iso: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }
}
