import Foundation

/// A reviewer's sign-off of one version of a dataset for publication.
public struct Signoff: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var datasetID: Int64
  /// The version signed off; a later version needs a new sign-off.
  public var versionID: Int64?
  public var reviewerID: Int64
  /// The reviewer's login, for display.
  public var reviewerLogin: String
  public var note: String
  public var createdAt: Date

  public init(
    id: Int64? = nil, datasetID: Int64, versionID: Int64?, reviewerID: Int64, reviewerLogin: String,
    note: String = "", createdAt: Date = Date()
  ) {
    self.id = id
    self.datasetID = datasetID
    self.versionID = versionID
    self.reviewerID = reviewerID
    self.reviewerLogin = reviewerLogin
    self.note = note
    self.createdAt = createdAt
  }
}

/// The outcome of a PII scan of one version (rows written by the cleaning worker).
public struct PIIScan: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var datasetID: Int64
  public var versionID: Int64
  public var samplesScanned: Int
  /// How many items of personal data were found; 0 is a clean scan.
  public var findings: Int
  /// Findings by kind ("email": 3, "phone": 1).
  public var byType: [String: Int]
  public var scannedAt: Date
  /// What the scan read when it could not read everything (a dataset of images or
  /// recordings: its file names and metadata, not the pictures or speech); nil when it
  /// read the text of every sample.
  public var coverage: String?

  public init(
    id: Int64? = nil, datasetID: Int64, versionID: Int64, samplesScanned: Int, findings: Int,
    byType: [String: Int] = [:], scannedAt: Date = Date(), coverage: String? = nil
  ) {
    self.coverage = coverage
    self.id = id
    self.datasetID = datasetID
    self.versionID = versionID
    self.samplesScanned = samplesScanned
    self.findings = findings
    self.byType = byType
    self.scannedAt = scannedAt
  }

  /// Whether the scan found nothing.
  public var isClean: Bool { findings == 0 }
}

/// A request to make a dataset public: who asked, when, and how it ended.
public struct PublicationRequest: Codable, Sendable, Equatable, Identifiable {
  /// Pending until published or withdrawn.
  public enum State: String, Codable, Sendable, CaseIterable {
    case pending, published, withdrawn
  }

  public var id: Int64?
  public var datasetID: Int64
  /// The current version when publication was requested.
  public var versionID: Int64?
  public var requestedBy: Int64
  public var requestedByLogin: String
  public var requestedAt: Date
  public var state: State
  public var decidedBy: Int64?
  public var decidedAt: Date?

  public init(
    id: Int64? = nil, datasetID: Int64, versionID: Int64?, requestedBy: Int64, requestedByLogin: String,
    requestedAt: Date = Date(), state: State = .pending, decidedBy: Int64? = nil, decidedAt: Date? = nil
  ) {
    self.id = id
    self.datasetID = datasetID
    self.versionID = versionID
    self.requestedBy = requestedBy
    self.requestedByLogin = requestedByLogin
    self.requestedAt = requestedAt
    self.state = state
    self.decidedBy = decidedBy
    self.decidedAt = decidedAt
  }
}
