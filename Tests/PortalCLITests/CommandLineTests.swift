import Foundation
import PortalTesting
import Testing

/// The real `portal` binary against a real catalog file, as a person or script uses it.
struct CommandLineTests {
  func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(type, from: Data(text.utf8))
  }

  @Test func versionAndCompletionsArePrinted() throws {
    let version = try PortalBinary.run(["--version"], home: "/nonexistent")
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    let completion = try PortalBinary.run(["--generate-completion-script", "bash"], home: "/nonexistent")
    #expect(completion.status == 0)
    #expect(completion.stdout.contains("_portal"))
  }

  @Test func withoutACatalogEveryCommandSaysHowToCreateOne() throws {
    let dir = try TemporaryDirectory("cli-none")
    defer { dir.remove() }
    let result = try PortalBinary.run(["datasets", "list"], home: dir.appending("nowhere").path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("portal init"))
    #expect(!FileManager.default.fileExists(atPath: dir.appending("nowhere").path))
  }

  @Test func initImportListShowSamplesAndSearchWorkTogether() throws {
    let dir = try TemporaryDirectory("cli-flow")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    let created = try PortalBinary.run(["init", "--organisation", "Harbour Press"], home: home)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("owner"))
    let root = try SampleTree.write(into: dir)
    let imported = try PortalBinary.run(
      ["import", root.path, "--name", "Field kit", "--tag", "field", "--json"], home: home)
    #expect(imported.status == 0, "\(imported.stderr)")
    struct Report: Decodable { var samples: Int; var versionNumber: Int? }
    let report = try decode(Report.self, imported.stdout)
    #expect(report.samples == SampleTree.expectedSamples)
    #expect(report.versionNumber == 1)

    let list = try PortalBinary.run(["datasets", "list"], home: home)
    #expect(list.status == 0)
    #expect(list.stdout.contains("Field kit"))
    #expect(list.stdout.contains("mixed"))
    let listJSON = try PortalBinary.run(["datasets", "list", "--json"], home: home)
    struct Row: Decodable {
      struct D: Decodable { var slug: String }
      var dataset: D
      var sampleCount: Int
    }
    let rows = try decode([Row].self, listJSON.stdout)
    #expect(rows.map(\.dataset.slug) == ["field-kit"])
    #expect(rows.first?.sampleCount == SampleTree.expectedSamples)

    let show = try PortalBinary.run(["datasets", "show", "field-kit"], home: home)
    #expect(show.status == 0)
    #expect(show.stdout.contains("Visibility"))
    #expect(show.stdout.contains("private"))

    let samples = try PortalBinary.run(["samples", "field-kit", "--from", "2", "--limit", "3", "--json"], home: home)
    struct SampleRow: Decodable {
      struct S: Decodable { var ordinal: Int }
      var sample: S
    }
    #expect(try decode([SampleRow].self, samples.stdout).map(\.sample.ordinal) == [2, 3, 4])

    // Sample text is indexed by a background pass after the import returns.
    var search = try PortalBinary.run(["search", "parcel"], home: home)
    _ = try QueueFixture.waitUntil(30) {
      search = try PortalBinary.run(["search", "parcel"], home: home)
      return search.stdout.contains("[parcel]")
    }
    #expect(search.status == 0)
    #expect(search.stdout.contains("field-kit"))
    #expect(search.stdout.contains("[parcel]"))
  }

  @Test func badInputGetsOneClearSentenceAndANonZeroExit() throws {
    let dir = try TemporaryDirectory("cli-bad")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init"], home: home).status == 0)
    let noName = try PortalBinary.run(["import", dir.path], home: home)
    #expect(noName.status != 0)
    #expect(noName.stderr.contains("--name"))
    let unknown = try PortalBinary.run(["datasets", "show", "nope"], home: home)
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("no dataset named 'nope'"))
    let again = try PortalBinary.run(["init"], home: home)
    #expect(again.status != 0)
    #expect(again.stderr.contains("already exists"))
  }

  @Test func aCatalogOnANetworkFilesystemIsRefused() throws {
    let dir = try TemporaryDirectory("cli-nfs")
    defer { dir.remove() }
    let result = try PortalBinary.run(
      ["init"], home: dir.appending("catalog").path, extraEnvironment: ["PORTAL_ASSUME_FSTYPE": "nfs4"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("network filesystem"))
  }

  @Test func twoProcessesImportingAtOnceBothSucceed() throws {
    let dir = try TemporaryDirectory("cli-concurrent")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init"], home: home).status == 0)
    // Enough files that the two imports overlap.
    for tree in ["a", "b"] {
      for index in 0..<400 {
        try dir.write("\(tree) document \(index)\n{\"x\":1}\n", to: "\(tree)/doc\(index).txt")
      }
      try dir.write(String(repeating: "{\"text\":\"record\"}\n", count: 20_000), to: "\(tree)/records.jsonl")
    }
    let environment = PortalBinary.environment(home: home)
    let first = try Shell.start(
      PortalBinary.path, ["import", dir.appending("a").path, "--name", "Tree A"], environment: environment)
    let second = try Shell.start(
      PortalBinary.path, ["import", dir.appending("b").path, "--name", "Tree B"], environment: environment)
    let results = [first.wait(), second.wait()]
    for result in results { #expect(result.status == 0, "\(result.stderr)") }
    let list = try PortalBinary.run(["datasets", "list", "--json"], home: home)
    #expect(list.stdout.contains("tree-a") && list.stdout.contains("tree-b"))
    let verify = try PortalBinary.run(["audit", "verify"], home: home)
    #expect(verify.status == 0, "\(verify.stdout)")
  }

  @Test func theLogRecordsWhatHappenedButNoSampleContent() throws {
    let dir = try TemporaryDirectory("cli-log")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    #expect(try PortalBinary.run(["init"], home: home).status == 0)
    try dir.write("The secret word is zanzibarquux.\n", to: "secret/note.txt")
    let result = try PortalBinary.run(
      ["import", dir.appending("secret").path, "--name", "Secret", "--verbose"], home: home)
    #expect(result.status == 0)
    let log = try String(contentsOfFile: home + "/logs/portal.log", encoding: .utf8)
    #expect(log.contains("imported dataset"))
    #expect(!log.contains("zanzibarquux"))
    #expect(result.stderr.contains("imported dataset"))
  }
}
