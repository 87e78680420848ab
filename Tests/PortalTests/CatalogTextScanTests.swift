import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

/// `PortalSession.scan` on datasets with no text: the catalog's own text about them is
/// scanned at once, recorded with its coverage, and the checklist shows that coverage.
struct CatalogTextScanTests {
  private func images(_ fixture: GovernanceFixture, _ name: String, files: [String]) throws -> String {
    for file in files { try fixture.data.write(MediaBytes.png(width: 8, height: 6), to: "\(name)/\(file)") }
    return try fixture.owner.importDataset(ImportRequest(paths: [fixture.data.appending(name).path], name: name))
      .datasetSlug
  }

  @Test func anImageDatasetIsScannedOverItsFileNamesWithTheCoverageStated() throws {
    let fixture = try GovernanceFixture("image-scan")
    defer { fixture.remove() }
    let slug = try images(fixture, "Pictures", files: ["harbour.png", "views/quay.png"])
    let before = try fixture.owner.publicationChecklist(slug).items.first { $0.kind == .piiScan }
    #expect(before?.explanation == "no PII scan of version 1 — run `portal scan pictures`")
    let events = try fixture.owner.auditEventCount()
    guard case .recorded(let scan) = try fixture.session("stella").scan(slug) else {
      Issue.record("an image dataset's scan was queued as a text job")
      return
    }
    #expect(scan.isClean && scan.samplesScanned == 2)
    #expect(scan.coverage?.contains("image content not read — run OCR first") == true)
    #expect(try fixture.owner.auditEventCount() == events + 1)
    #expect(try fixture.owner.auditEvents(dataset: slug, limit: 1).first?.action == "dataset.scan")
    let item = try fixture.owner.publicationChecklist(slug).items.first { $0.kind == .piiScan }
    #expect(item?.met == true)
    #expect(item?.explanation.contains("coverage: file names and metadata") == true)
  }

  @Test func personalDataInAFileNameFailsTheScan() throws {
    let fixture = try GovernanceFixture("image-scan-pii")
    defer { fixture.remove() }
    let slug = try images(fixture, "Badges", files: ["jane.doe@example.org.png", "plain.png"])
    guard case .recorded(let scan) = try fixture.owner.scan(slug) else {
      Issue.record("an image dataset's scan was queued as a text job")
      return
    }
    #expect(scan.findings == 1 && scan.byType == ["EMAIL": 1])
    #expect(try fixture.owner.publicationChecklist(slug).items.first { $0.kind == .piiScan }?.met == false)
    // Viewers may not scan.
    #expect(throws: PortalError.self) { _ = try fixture.session("vic").scan(slug) }
  }

  @Test func aDatasetWithTextIsStillScannedByAJob() throws {
    let fixture = try GovernanceFixture("text-scan")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    guard case .queued(let row) = try fixture.owner.scan(slug) else {
      Issue.record("a text dataset was not scanned by a job")
      return
    }
    #expect(row.job.kind == .scan)
  }
}
