import Foundation
import PortalCore
import PortalTesting
import Testing

/// `portal jobs show` and `portal datasets show` through the real binary: the produced
/// version's report and lineage, never the checkpoint blob.
@Suite struct JobReportCommandLineTests {
  @Test func jobsShowPrintsTheReportAndLineageAndJSONCarriesNoCheckpoint() throws {
    let fixture = try QueueFixture(
      "cli-report",
      documents: [
        "Write to jane.doe@example.com or call +33 1 42 68 53 00 today.",
        "Write to jane.doe@example.com or call +33 1 42 68 53 00 today.",
        "plain text with nothing to hide",
      ])
    defer { fixture.remove() }
    let queued = try fixture.portal(["clean", "docs", "--steps", "normalize,pii,dedup", "--json"])
    #expect(queued.status == 0, "\(queued.stderr)")
    let id = try JSONDecoder.iso.decode(JobRow.self, from: Data(queued.stdout.utf8)).job.id ?? 0
    let worker = try fixture.portal(["worker", "--once", "--quiet"])
    #expect(worker.status == 0, "\(worker.stderr)")

    let shown = try fixture.portal(["jobs", "show", String(id)])
    #expect(shown.status == 0, "\(shown.stderr)")
    let text = shown.stdout
    #expect(text.contains("Lineage"))
    #expect(text.contains("version 1 → version 2, by job \(id) (clean)"))
    #expect(text.contains("\"steps\":[\"normalize\",\"pii\",\"dedup\"]"))
    // The per-step table: dedup read 3 documents and removed the copy.
    let dedup = try #require(text.split(separator: "\n").first { $0.hasPrefix("  dedup") })
    #expect(dedup.split(separator: " ").map(String.init) == ["dedup", "3", "2", "0", "1"])
    #expect(text.contains("PII redacted  EMAIL 2, PHONE 2"))
    #expect(text.contains("e.g. #0 [EMAIL] Write to <EMAIL>"))
    #expect(!text.contains("jane.doe@example.com"))
    #expect(!text.contains("pipeline"))
    #expect(text.contains("kept #0, removed #1"))

    let json = try fixture.portal(["jobs", "show", String(id), "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let job = try #require((object["job"] as? [String: Any])?["job"] as? [String: Any])
    #expect(job["checkpoint"] == nil)
    let report = try #require(object["report"] as? [String: Any])
    #expect((report["pii"] as? [String: Int]) == ["EMAIL": 2, "PHONE": 2])
    let steps = try #require(report["steps"] as? [[String: Any]])
    #expect(steps.map { $0["step"] as? String } == ["read", "normalize", "pii", "dedup"])
    #expect(steps.last?["removed"] as? Int == 1)
    let clusters = try #require(steps.last?["clusters"] as? [[String: Any]])
    #expect(clusters.count == 1)
    #expect(clusters.first?["kept"] as? Int == 0)
    #expect(clusters.first?["removed"] as? [Int] == [1])
    let lineage = try #require(report["lineage"] as? [String: Any])
    #expect(lineage["source_version"] as? Int == 1)
    #expect(lineage["result_version"] as? Int == 2)

    let dataset = try fixture.portal(["datasets", "show", "docs"])
    let row = try #require(dataset.stdout.split(separator: "\n").first { $0.hasPrefix("2 ") })
    #expect(row.contains("from v1, job \(id): steps=normalize,pii,dedup"))
  }

  @Test func aJobWithoutAVersionSaysSo() throws {
    let fixture = try QueueFixture("cli-report-none")
    defer { fixture.remove() }
    let queued = try fixture.portal(["clean", "docs", "--steps", "normalize", "--json"])
    let id = try JSONDecoder.iso.decode(JobRow.self, from: Data(queued.stdout.utf8)).job.id ?? 0
    let shown = try fixture.portal(["jobs", "show", String(id)])
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("No report: the job has not produced a version (yet)."))
  }

  @Test func transcribeHelpStatesTheEnginesMeasuredWordErrorRate() throws {
    let fixture = try QueueFixture("cli-asr-help")
    defer { fixture.remove() }
    let help = try fixture.portal(["transcribe", "--help"])
    let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(text.contains("Measured word error rate: about 54 %"), "\(help.stdout)")
    #expect(text.contains("English recordings"))
  }
}
