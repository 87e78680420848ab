import Foundation
import PortalCore
import PortalStore

// MARK: - A job's report and lineage

extension PortalSession {
  /// The report of job `id`: its lineage and what each step did, from the version it
  /// published. Examples (redacted snippets of the data) are included only when the
  /// actor may preview the dataset.
  public func jobReport(_ id: Int64) throws -> JobReport {
    let row = try job(id)
    let dataset = try wrap { try catalog.dataset(id: row.job.datasetID) }
    var mayPreview = true
    do { try authorize(.preview, on: dataset) } catch PortalError.notAllowed { mayPreview = false }
    let version = try row.job.resultVersionID.flatMap { versionID in try wrap { try catalog.version(id: versionID) } }
    let lineage = JobReport.Lineage(
      jobID: id, kind: row.job.kind.rawValue, dataset: row.datasetSlug, sourceVersion: row.inputVersionNumber,
      resultVersion: row.resultVersionNumber, parameters: JobReport.value(json: row.job.parameters))
    var report = JobReport(lineage: lineage, storedReport: version?.report, includeExamples: mayPreview)
    // A scan publishes no version: its finding counts are the PII scan it recorded.
    if version == nil, row.job.kind == .scan, row.job.state == .succeeded, let input = row.job.versionID,
      let scan = try wrap({ try catalog.latestPIIScan(versionID: input) })
    {
      report = JobReport(
        lineage: lineage, storedReport: "{\"pii\":\(scan.byType),\"steps\":[]}", includeExamples: false)
    }
    return report
  }
}
