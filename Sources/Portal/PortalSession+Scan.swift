import Foundation
import PortalCleaning
import PortalCore
import PortalStore

/// How `PortalSession.scan` went: a text dataset's scan is a job for the worker; a
/// dataset with no text is scanned at once over the text the catalog holds about it.
public enum ScanStart: Sendable {
  /// A `scan` job was queued (the dataset has text samples).
  case queued(JobRow)
  /// The catalog's text about the dataset was scanned and the result recorded.
  case recorded(PIIScan)
}

// MARK: - PII scans for the publication checklist

extension PortalSession {
  /// Scans a dataset's current version for personal data. Text is scanned by a
  /// queued `scan` job. A version with no text (images, recordings, video) is scanned
  /// now over what the catalog holds about it — its name, description, tags, file
  /// names and paths and sample excerpts — and the scan records that coverage, so the
  /// publication checklist says what was and was not read.
  public func scan(_ reference: String, priority: Int = 100) throws -> ScanStart {
    let dataset = try resolve(reference)
    try authorize(.runJob, on: dataset)
    guard let versionID = dataset.currentVersionID else { throw PortalError.datasetNotFound(reference) }
    if try wrap({ try catalog.countSamples(ofVersion: versionID, mediaTypes: Self.textTypes) }) > 0 {
      return .queued(try queueScan(reference, priority: priority))
    }
    return .recorded(try scanCatalogText(of: dataset, versionID: versionID))
  }

  private func scanCatalogText(of dataset: Dataset, versionID: Int64) throws -> PIIScan {
    let redactor = PIIRedactor()
    var byType: [String: Int] = [:]
    func scan(_ text: String) {
      guard !text.isEmpty else { return }
      for match in redactor.scan(text) { byType[match.type.rawValue, default: 0] += 1 }
    }
    scan(dataset.name)
    scan(dataset.description)
    dataset.tags.forEach(scan)
    let files = try wrap { try catalog.files(ofVersion: versionID) }
    // Relative paths only: the import root is the partner's own machine's layout.
    for file in files { scan(file.relativePath) }
    var samples = 0
    var next = 0
    while true {
      let page = try wrap { try catalog.excerpts(ofVersion: versionID, from: next, limit: 5_000) }
      guard let last = page.last else { break }
      for sample in page { scan(sample.excerpt) }
      samples += page.count
      next = last.ordinal + 1
    }
    let result = PIIScan(
      datasetID: dataset.id ?? 0, versionID: versionID, samplesScanned: samples,
      findings: byType.values.reduce(0, +), byType: byType, coverage: Self.coverage(of: dataset))
    let number = try wrap { try catalog.version(id: versionID) }?.number ?? 0
    logger.info("scanned catalog text", metadata: ["dataset": "\(dataset.slug)", "findings": "\(result.findings)"])
    return try wrap {
      try catalog.recordScan(
        result,
        audit: event(
          "dataset.scan", target: "dataset", dataset.slug, dataset: dataset.id,
          after: JSONText.encode(
            ScanAuditSummary(
              version: number, samples: samples, files: files.count, findings: result.findings,
              coverage: result.coverage ?? ""))))
    }
  }

  /// What a scan of the catalog's text covers, and how to cover the rest.
  static func coverage(of dataset: Dataset) -> String {
    let read = "file names and metadata"
    switch dataset.modality {
    case .image:
      return "\(read); image content not read — run OCR first (portal ocr \(dataset.slug)) to scan text in images"
    case .audio, .video:
      return
        "\(read); recorded speech not heard — run transcription first (portal transcribe \(dataset.slug)) to scan what is said"
    default:
      return "\(read); file content not read"
    }
  }
}

/// What the audit log keeps of a scan the session made: counts, never the findings.
struct ScanAuditSummary: Codable, Sendable {
  var version: Int
  var samples: Int
  var files: Int
  var findings: Int
  var coverage: String
}
