import Foundation
import Portal
import PortalTesting
import Testing

/// `portal export` end to end on the demo catalog, with the real binary and the real
/// validators: mlcroissant (Croissant 1.1), sha256sum, a YAML parser.
@Suite(.serialized)
struct ExportCommandLineTests {
  @Test func everyDemoDatasetExportsToABundleThatMlcroissantAndSha256sumAccept() throws {
    let dir = try TemporaryDirectory("export-demo")
    defer { dir.remove() }
    let home = dir.appending("catalog").path
    _ = try DemoCatalog.build(at: CatalogLocation(directory: URL(fileURLWithPath: home, isDirectory: true)))
    func portal(_ arguments: [String]) throws -> Shell.Result { try PortalBinary.run(arguments, home: home) }

    // One public-pending image dataset passes its checklist honestly: `portal scan`
    // reads the text the catalog holds about its images and says so, a reviewer signs
    // off, the owner publishes.
    let photos = "photo-and-illustration-library"
    let scan = try portal(["scan", photos, "--as", "amara"])
    try expectOK(scan)
    #expect(scan.stdout.contains("nothing found") && scan.stdout.contains("image content not read"))
    let checklist = try portal(["publish", photos, "--check", "--as", "amara"])
    #expect(checklist.stdout.contains("file names and metadata"), "\(checklist.stdout)")
    try expectOK(try portal(["signoff", photos, "--note", "no faces, no names", "--as", "leila"]))
    try expectOK(try portal(["publish", photos, "--confirm-irreversible", "--yes", "--as", "amara"]))

    // The README's example, as written, on the demo's public dataset (published by the
    // demo through its checklist).
    let archive = "archive-catalogue-1904-2019"
    let readme = dir.appending("readme").path
    try FileManager.default.createDirectory(atPath: readme, withIntermediateDirectories: true)
    let example = try Shell.run(
      PortalBinary.path, ["export", archive, "--to", "./bundle"],
      environment: PortalBinary.environment(home: home), currentDirectory: readme)
    try expectOK(example)
    // Hard-linked by default (same filesystem): the output says what that means.
    #expect(example.stdout.contains("hard links to the source files") && example.stdout.contains("--copy"))
    let copied = try portal(["export", archive, "--to", dir.appending("copied").path, "--copy"])
    try expectOK(copied)
    #expect(!copied.stdout.contains("hard links"))
    try checkBundle(readme + "/bundle", publicLicence: "cc-by-4.0")

    let list = try portal(["datasets", "list", "--json"])
    let slugs = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
      .compactMap { ($0["dataset"] as? [String: Any])?["slug"] as? String }
    #expect(slugs.count == 9)
    let formats = ["original", "jsonl", "parquet-compatible-jsonl"]
    for (index, slug) in slugs.enumerated() {
      let bundle = dir.appending("bundles/\(slug)").path
      var arguments = ["export", slug, "--to", bundle, "--format", formats[index % 3]]
      let isPublic = slug == photos || slug == archive
      if !isPublic { arguments.append("--private-terms") }
      try expectOK(try portal(arguments))
      try checkBundle(bundle, publicLicence: isPublic ? "cc-by-4.0" : nil)
    }
    let audit = try portal(["audit", "list", "--action", "dataset.export", "--json"])
    #expect(audit.stdout.components(separatedBy: "\"dataset.export\"").count - 1 == slugs.count + 2)
  }

  /// sha256sum -c, mlcroissant validate and load of every record set, the card's YAML.
  private func checkBundle(_ bundle: String, publicLicence: String?) throws {
    let sums = try Shell.run("/usr/bin/sha256sum", ["--strict", "-c", "SHA256SUMS"], currentDirectory: bundle)
    #expect(sums.status == 0, "sha256sum -c failed in \(bundle): \(sums.stdout)\(sums.stderr)")
    let jsonld = bundle + "/croissant.json"
    let validation = try Shell.run(Mlcroissant.path, ["validate", "--jsonld", jsonld])
    let verdict = validation.stdout + validation.stderr
    #expect(
      validation.status == 0 && !verdict.contains("WARNING") && !verdict.contains("error"), "\(bundle): \(verdict)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonld))) as? [String: Any])
    let recordSets = (document["recordSet"] as? [[String: Any]] ?? []).compactMap { $0["@id"] as? String }
    #expect(!recordSets.isEmpty)
    for name in recordSets {
      let load = try Shell.run(
        Mlcroissant.path, ["load", "--jsonld", jsonld, "--record_set", name, "--num_records", "5"])
      #expect(load.status == 0 && load.stdout.contains("Done"), "\(bundle) \(name): \(load.stderr.suffix(600))")
    }
    let yaml = try Shell.run(
      "/usr/bin/env",
      [
        "python3", "-c",
        "import sys, yaml; t = open(sys.argv[1]).read(); assert t.startswith('---\\n'); h = yaml.safe_load(t.split('---\\n')[1]); print(h['license']); print(h['size_categories'][0])",
        bundle + "/README.md",
      ])
    #expect(yaml.status == 0, "README header of \(bundle): \(yaml.stderr)")
    let header = yaml.stdout.split(separator: "\n").map(String.init)
    #expect(header.first.map { !$0.isEmpty } == true)
    if let publicLicence {
      #expect(header.first == publicLicence)
      #expect(document["license"] as? String == "https://spdx.org/licenses/CC-BY-4.0.html")
      #expect(document["isAccessibleForFree"] as? Bool == true)
    }
    #expect(document["rai:personalSensitiveInformation"] != nil && document["rai:dataCollection"] != nil)
  }

  private func expectOK(_ result: Shell.Result) throws {
    guard result.status == 0 else { throw CLIFailure("portal failed: \(result.stderr)\(result.stdout)") }
  }
}

/// The mlcroissant command `make pydeps` installs into `.build/venv` (or `$PORTAL_MLCROISSANT`).
enum Mlcroissant {
  static var path: String {
    if let explicit = ProcessInfo.processInfo.environment["PORTAL_MLCROISSANT"], !explicit.isEmpty { return explicit }
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return package.appendingPathComponent(".build/venv/bin/mlcroissant").path
  }
}
