import Foundation
import Portal
import PortalCore
import PortalStore
import PortalTesting
import Testing

struct ImportTests {
  @Test func importRecordsOneSamplePerUnitWithChecksumsAndModality() throws {
    let test = try TestCatalog("import")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    let report = try test.owner.importDataset(
      ImportRequest(paths: [root.path], name: "Field kit", description: "Mixed field material", tags: ["Field", "kit"]))
    #expect(report.versionNumber == 1)
    #expect(report.samples == SampleTree.expectedSamples)
    #expect(report.problems.isEmpty)
    let detail = try test.owner.showDataset("field-kit")
    #expect(detail.summary.dataset.modality == .mixed)
    #expect(detail.summary.dataset.tags == ["field", "kit"])
    let samples = try test.owner.samples(of: "Field kit", limit: 100)
    #expect(samples.map(\.sample.ordinal) == Array(0..<SampleTree.expectedSamples))
    // Whole-file samples carry the file's hash, as sha256sum computes it.
    let png = try #require(samples.first { $0.sample.mediaType == .png })
    #expect(png.sample.sha256 == (try Shell.sha256sum(png.path)))
    #expect(png.sample.width == 64 && png.sample.height == 48)
    let wav = try #require(samples.first { $0.sample.mediaType == .wav })
    #expect(wav.sample.durationMillis == 1500)
    // JSONL and CSV give one sample per record or row, in file order.
    let records = samples.filter { $0.sample.mediaType == .jsonl }
    #expect(records.count == 3)
    #expect(records.first?.sample.excerpt == "Where is my parcel?")
    let rows = samples.filter { $0.sample.mediaType == .csv }
    #expect(rows.count == 2)
    #expect(rows.first?.sample.excerpt?.contains("Atlas, revised") == true)
    // The version's totals (counted by the importer as it wrote) match its samples.
    let version = try #require(detail.versions.first)
    #expect(version.sampleCount == samples.count)
    #expect(version.totalBytes == samples.reduce(0) { $0 + $1.sample.length })
  }

  @Test func rescanPicksUpOnlyWhatChanged() throws {
    let test = try TestCatalog("rescan")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "Field kit"))
    // Nothing changed: no new version.
    let unchanged = try test.owner.rescan("field-kit")
    #expect(unchanged.versionNumber == nil)
    #expect(unchanged.filesUnchanged == 6)
    // One new, one changed (different size), one gone.
    try data.write("A new note.\n", to: "tree/notes/new.txt")
    try data.write(
      "{\"id\":1,\"text\":\"Where is my parcel?\"}\n{\"id\":9,\"text\":\"Replaced.\"}\n", to: "tree/support.jsonl")
    try FileManager.default.removeItem(at: root.appendingPathComponent("images/map.png"))
    let report = try test.owner.rescan("field-kit")
    #expect(report.versionNumber == 2)
    #expect(report.filesAdded == 1)
    #expect(report.filesChanged == 1)
    #expect(report.filesVanished == 1)
    #expect(report.filesUnchanged == 4)
    #expect(report.samples == SampleTree.expectedSamples + 1 - 1 - 1)
    let samples = try test.owner.samples(of: "field-kit", limit: 100)
    #expect(samples.map(\.sample.ordinal) == Array(0..<report.samples))
    #expect(samples.contains { $0.sample.excerpt == "Replaced." })
    #expect(!samples.contains { $0.sample.mediaType == .png })
    // The first version is still there, as it was.
    let first = try test.owner.samples(of: "field-kit", version: 1, limit: 100)
    #expect(first.count == SampleTree.expectedSamples)
    let versions = try test.owner.showDataset("field-kit").versions
    #expect(versions.map(\.number) == [2, 1])
    // A rescan carries files over without reading them; its totals are still exact.
    #expect(versions.first?.sampleCount == samples.count)
    #expect(versions.first?.totalBytes == samples.reduce(0) { $0 + $1.sample.length })
  }

  @Test func hostileFilesAreReportedAndTheImportFinishes() throws {
    let test = try TestCatalog("hostile")
    defer { test.remove() }
    let data = try test.dataDirectory("hostile")
    defer { data.remove() }
    try data.write("good text\n", to: "h/good.txt")
    try data.write(Data(), to: "h/empty.txt")
    try data.write(
      Data([0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00, 0x13] + Array(repeating: 0, count: 100)), to: "h/blob.bin")
    try data.write(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]), to: "h/truncated.png")
    try data.write(Data("{\"text\":\"ok\"}\n".utf8 + [0xC3, 0x28, 0x0A]), to: "h/bad-utf8.jsonl")
    try FileManager.default.createSymbolicLink(
      atPath: data.appending("h/loop").path, withDestinationPath: data.appending("h").path)
    try FileManager.default.createSymbolicLink(atPath: data.appending("h/outside").path, withDestinationPath: "/etc")
    let report = try test.owner.importDataset(ImportRequest(paths: [data.appending("h").path], name: "Hostile"))
    #expect(report.versionNumber == 1)
    let problemPaths = report.problems.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    #expect(problemPaths.contains("empty.txt"))
    #expect(problemPaths.contains("blob.bin"))
    #expect(problemPaths.contains("outside"))
    #expect(report.problems.allSatisfy { !$0.reason.isEmpty })
    let catalog = try test.catalog()
    #expect(try catalog.integrityCheck() == "ok")
    #expect(try catalog.collectAbandonedStaging(now: Date().addingTimeInterval(3600)) == 0)
  }

  @Test func anImportWithNothingReadableLeavesNothingBehind() throws {
    let test = try TestCatalog("nothing")
    defer { test.remove() }
    let data = try test.dataDirectory("nothing")
    defer { data.remove() }
    try data.write(Data(), to: "n/empty.txt")
    #expect(throws: PortalError.self) {
      try test.owner.importDataset(ImportRequest(paths: [data.appending("n").path], name: "Nothing"))
    }
    #expect(try test.owner.countDatasets() == 0)
    // The name is free again.
    try data.write("now some text\n", to: "n/text.txt")
    #expect(
      try test.owner.importDataset(ImportRequest(paths: [data.appending("n").path], name: "Nothing")).samples == 1)
  }

  @Test func aMissingPathIsRefusedBeforeAnythingIsWritten() throws {
    let test = try TestCatalog("missing")
    defer { test.remove() }
    #expect {
      try test.owner.importDataset(ImportRequest(paths: ["/nonexistent/press"], name: "Press"))
    } throws: { error in
      "\(error)".contains("/nonexistent/press does not exist")
    }
    #expect(try test.owner.countDatasets() == 0)
  }
}
