import Foundation

/// One immutable state of a dataset's content. Imports, rescans and cleaning jobs
/// each make a new version; `parentID` is its lineage.
public struct DatasetVersion: Codable, Sendable, Equatable, Identifiable {
  /// How a version came to be.
  public enum Origin: String, Codable, Sendable {
    case `import`, rescan, clean, ocr, transcribe
  }

  /// Staging versions are being written and are invisible to every reader.
  public enum State: String, Codable, Sendable {
    case staging, ready
  }

  public var id: Int64?
  public var datasetID: Int64
  /// 1, 2, 3… within its dataset.
  public var number: Int
  public var parentID: Int64?
  public var origin: Origin
  public var state: State
  public var jobID: Int64?
  /// JSON: the parameters that produced it (import roots, cleaning steps).
  public var parameters: String
  /// JSON: what the producing step reported (files skipped, items removed).
  public var report: String
  public var sampleCount: Int
  public var totalBytes: Int64
  public var createdBy: Int64?
  public var createdAt: Date
  /// While staging: until when the writer holds it; an expired stage is garbage.
  public var leaseUntil: Date?

  public init(
    id: Int64? = nil, datasetID: Int64, number: Int, parentID: Int64? = nil, origin: Origin,
    state: State = .staging, jobID: Int64? = nil, parameters: String = "{}", report: String = "{}",
    sampleCount: Int = 0, totalBytes: Int64 = 0, createdBy: Int64? = nil, createdAt: Date = Date(),
    leaseUntil: Date? = nil
  ) {
    self.id = id
    self.datasetID = datasetID
    self.number = number
    self.parentID = parentID
    self.origin = origin
    self.state = state
    self.jobID = jobID
    self.parameters = parameters
    self.report = report
    self.sampleCount = sampleCount
    self.totalBytes = totalBytes
    self.createdBy = createdBy
    self.createdAt = createdAt
    self.leaseUntil = leaseUntil
  }

  enum CodingKeys: String, CodingKey {
    case id
    case datasetID = "dataset_id"
    case number
    case parentID = "parent_id"
    case origin, state
    case jobID = "job_id"
    case parameters, report
    case sampleCount = "sample_count"
    case totalBytes = "total_bytes"
    case createdBy = "created_by"
    case createdAt = "created_at"
    case leaseUntil = "lease_until"
  }
}
