import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

/// The delivery bundle through `PortalSession.exportDataset`: who may export, what a
/// public bundle needs, and that nothing is ever written outside the target.
struct ExportTests {
  private func bundleExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  @Test func privateExportWritesEveryDocumentAndAnAuditEventWithTheChecksumsDigest() throws {
    let fixture = try GovernanceFixture("export-private")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    try fixture.owner.grant(
      slug, to: "lab:training", kind: .lab, permission: .train, expires: Date().addingTimeInterval(86_400))
    let target = fixture.data.appending("bundle").path
    let report = try fixture.owner.exportDataset(slug, to: target, options: ExportOptions(format: .jsonl))
    #expect(report.kind == .privateTerms)
    for name in ["croissant.json", "README.md", "access-policy.json", "provenance.jsonl", "SHA256SUMS"] {
      #expect(bundleExists(target + "/" + name), "\(name) missing")
    }
    let sums = try String(contentsOfFile: target + "/SHA256SUMS", encoding: .utf8)
    #expect(sums.split(separator: "\n").count == report.fileCount)
    let policy = try String(contentsOfFile: target + "/access-policy.json", encoding: .utf8)
    #expect(policy.contains("lab:training") && policy.contains("expires_at"))
    let events = try fixture.owner.auditEvents(dataset: slug, filter: AuditFilter(action: "dataset.export"))
    let after = try #require(events.last?.after)
    #expect(after.contains(report.checksumsDigest) && after.contains("\"files\":\(report.fileCount)"))
    // Nothing is left beside the bundle: the staging directory was renamed into place.
    let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.data.url.path)
    #expect(!siblings.contains { $0.contains(".export-") })
  }

  @Test func viewerWithoutDownloadPermissionIsRefusedAndNothingIsWritten() throws {
    let fixture = try GovernanceFixture("export-refused")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    let target = fixture.data.appending("bundle").path
    #expect(throws: PortalError.self) { try fixture.session("vic").exportDataset(slug, to: target) }
    #expect(!bundleExists(target))
    try fixture.owner.grant(slug, to: "vic", kind: .user, permission: .download)
    let report = try fixture.session("vic").exportDataset(slug, to: target)
    #expect(report.fileCount > 5)
  }

  @Test func publicPendingDatasetNeedsAPassingChecklistOrPrivateTerms() throws {
    let fixture = try GovernanceFixture("export-pending")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    try fixture.describe(slug)
    try fixture.session("stella").requestPublication(slug)
    let target = fixture.data.appending("bundle").path
    do {
      _ = try fixture.owner.exportDataset(slug, to: target)
      Issue.record("a public bundle was written although the checklist fails")
    } catch let error as PortalError {
      #expect(String(describing: error).contains("PII scan") && String(describing: error).contains("--private-terms"))
    }
    #expect(!bundleExists(target))
    let privately = try fixture.owner.exportDataset(slug, to: target, options: ExportOptions(privateTerms: true))
    #expect(privately.kind == .privateTerms)
    try fixture.test.recordPIIScan(slug, findings: 0)
    try fixture.session("rita").signOff(slug, note: "checked")
    let publicly = try fixture.owner.exportDataset(
      slug, to: fixture.data.appending("public").path, options: ExportOptions(format: .parquetCompatibleJSONL))
    #expect(publicly.kind == .public)
    let card = try String(contentsOfFile: fixture.data.appending("public/README.md").path, encoding: .utf8)
    #expect(card.hasPrefix("---\nlicense: \"cc-by-4.0\"\n"))
  }

  @Test func aPublicBundleKeepsNoLocalPathsAndReadsAsTextNotJSON() throws {
    let fixture = try GovernanceFixture("export-public-text")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    try fixture.publish(slug)
    let root = fixture.data.appending("harbour-records").path
    let target = fixture.data.appending("public").path
    let report = try fixture.owner.exportDataset(slug, to: target)
    #expect(report.kind == .public)
    let provenance = try String(contentsOfFile: target + "/provenance.jsonl", encoding: .utf8)
    #expect(!provenance.contains(root) && !provenance.contains(fixture.data.url.path))
    #expect(provenance.contains("harbour-records") && provenance.contains("\"redacted\""))
    for line in provenance.split(separator: "\n") {
      #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "\(line)")
    }
    let card = try String(contentsOfFile: target + "/README.md", encoding: .utf8)
    let processing = try #require(
      card.components(separatedBy: "## Processing\n").last?.components(separatedBy: "##").first)
    #expect(!processing.contains("{") && !processing.contains("\"") && processing.contains("files added"))
    #expect(card.contains("application/jsonlines") && !card.contains("application/jsonl "))
    let croissant = try String(contentsOfFile: target + "/croissant.json", encoding: .utf8)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(croissant.utf8)) as? [String: Any])
    let steps = try #require(document["rai:dataPreprocessingProtocol"] as? [String])
    #expect(!steps.isEmpty && steps.allSatisfy { !$0.contains("{") && !$0.contains("\"") })
    // A private bundle (for the lab, under terms) keeps the full record.
    let privately = fixture.data.appending("private").path
    _ = try fixture.owner.exportDataset(slug, to: privately, options: ExportOptions(privateTerms: true))
    #expect(try String(contentsOfFile: privately + "/provenance.jsonl", encoding: .utf8).contains(root))
  }

  @Test func symlinkEscapingTheImportRootIsRefused() throws {
    let fixture = try GovernanceFixture("export-symlink")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    try fixture.data.write("secret outside the dataset\n", to: "outside/secret.txt")
    let inside = fixture.data.appending("harbour-records/notes/harbour.md").path
    try FileManager.default.removeItem(atPath: inside)
    try FileManager.default.createSymbolicLink(
      atPath: inside, withDestinationPath: fixture.data.appending("outside/secret.txt").path)
    let target = fixture.data.appending("bundle").path
    do {
      _ = try fixture.owner.exportDataset(slug, to: target)
      Issue.record("a file reached through an escaping link was exported")
    } catch let error as PortalError {
      #expect(String(describing: error).contains("outside its import root"))
    }
    #expect(!bundleExists(target))
  }

  @Test func relativePathWithDotDotInTheCatalogIsRefused() throws {
    let fixture = try GovernanceFixture("export-dotdot")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    try fixture.data.write("outside\n", to: "escape.md")
    let database = fixture.test.location.directory.appendingPathComponent("catalog.sqlite").path
    let tampered = try Shell.run(
      "/usr/bin/sqlite3",
      [database, "UPDATE source_file SET relative_path = '../escape.md' WHERE relative_path = 'notes/harbour.md'"])
    #expect(tampered.status == 0)
    let target = fixture.data.appending("bundle").path
    #expect(throws: PortalError.self) { try fixture.owner.exportDataset(slug, to: target) }
    #expect(!bundleExists(target))
  }

  @Test func targetThatIsASymlinkOrNotEmptyIsRefusedAndForceReplacesOnlyABundle() throws {
    let fixture = try GovernanceFixture("export-target")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    let elsewhere = fixture.data.appending("elsewhere").path
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    let link = fixture.data.appending("link").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: elsewhere)
    #expect(throws: PortalError.self) { try fixture.owner.exportDataset(slug, to: link) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)

    try fixture.data.write("keep me\n", to: "occupied/notes.txt")
    let occupied = fixture.data.appending("occupied").path
    #expect(throws: PortalError.self) { try fixture.owner.exportDataset(slug, to: occupied) }
    #expect(throws: PortalError.self) {
      try fixture.owner.exportDataset(slug, to: occupied, options: ExportOptions(force: true))
    }
    #expect(bundleExists(occupied + "/notes.txt"))

    let bundle = fixture.data.appending("bundle").path
    _ = try fixture.owner.exportDataset(slug, to: bundle)
    #expect(throws: PortalError.self) { try fixture.owner.exportDataset(slug, to: bundle) }
    let again = try fixture.owner.exportDataset(slug, to: bundle, options: ExportOptions(format: .jsonl, force: true))
    #expect(again.replacedPrevious)
    #expect(bundleExists(bundle + "/data/text/documents.jsonl"))
  }

  @Test func copiesAreMadeWhenLinkingIsOffAndEditingTheBundleLeavesTheSourceAlone() throws {
    let fixture = try GovernanceFixture("export-copy")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Harbour records")
    let target = fixture.data.appending("bundle").path
    let report = try fixture.owner.exportDataset(slug, to: target, options: ExportOptions(linkFiles: false))
    #expect(report.linkedFiles == 0)
    try "changed\n".write(toFile: target + "/data/text/notes/harbour.md", atomically: false, encoding: .utf8)
    let source = try String(
      contentsOfFile: fixture.data.appending("harbour-records/notes/harbour.md").path, encoding: .utf8)
    #expect(source.hasPrefix("# Harbour notes"))
  }
}
