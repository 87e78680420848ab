import Foundation

/// Everything the bundle's documents say about a dataset, gathered by the session
/// before anything is written: the builders of `croissant.json`, `README.md` and
/// `access-policy.json` are pure functions of this value.
public struct BundleFacts: Sendable, Equatable {
  public var dataset: Dataset
  /// The version exported.
  public var version: DatasetVersion
  /// Its ancestry, the version itself first, then its parent, and so on.
  public var lineage: [DatasetVersion]
  /// The partner: the catalog's organisation name.
  public var organisation: String
  /// The dataset owner's display name and login.
  public var ownerName: String
  public var ownerLogin: String
  /// PII scans of the exported version, newest first.
  public var piiScans: [PIIScan]
  /// Sign-offs of the exported version.
  public var signoffs: [Signoff]
  /// Active grants at export time (listed in private bundles only).
  public var grants: [Grant]
  public var kind: BundleKind
  public var format: ExportFormat
  /// Data files and listings, sorted by path.
  public var files: [BundleFile]
  public var fileSets: [BundleFileSet]
  public var recordSets: [BundleRecordSet]
  /// Samples per modality in the version ("text": 11).
  public var samplesByModality: [String: Int]
  public var exportedAt: Date
  public var exportedBy: String
  /// The portal's version, for the documents' generator notes.
  public var portalVersion: String

  public init(
    dataset: Dataset, version: DatasetVersion, lineage: [DatasetVersion], organisation: String, ownerName: String,
    ownerLogin: String, piiScans: [PIIScan] = [], signoffs: [Signoff] = [], grants: [Grant] = [], kind: BundleKind,
    format: ExportFormat, files: [BundleFile] = [], fileSets: [BundleFileSet] = [],
    recordSets: [BundleRecordSet] = [], samplesByModality: [String: Int] = [:], exportedAt: Date,
    exportedBy: String, portalVersion: String
  ) {
    self.dataset = dataset
    self.version = version
    self.lineage = lineage
    self.organisation = organisation
    self.ownerName = ownerName
    self.ownerLogin = ownerLogin
    self.piiScans = piiScans
    self.signoffs = signoffs
    self.grants = grants
    self.kind = kind
    self.format = format
    self.files = files
    self.fileSets = fileSets
    self.recordSets = recordSets
    self.samplesByModality = samplesByModality
    self.exportedAt = exportedAt
    self.exportedBy = exportedBy
    self.portalVersion = portalVersion
  }

  /// The newest PII scan of the exported version.
  public var latestScan: PIIScan? { piiScans.first }

  /// The number of samples in the version.
  public var sampleCount: Int { version.sampleCount }

  /// The licence as a link (SPDX page or the custom licence's URL), if there is one.
  public var licenceURL: String? {
    guard let licence = dataset.licence, !licence.isEmpty else { return nil }
    if let known = SPDXTable.licence(id: licence) { return "https://spdx.org/licenses/\(known.id).html" }
    return dataset.licenceURL
  }

  /// One sentence on what the PII scan found and how it was handled.
  public var personalInformationStatement: String {
    guard let scan = latestScan else {
      return
        "No PII scan of version \(version.number) is recorded; treat the data as possibly containing personal information."
    }
    let date = ISO8601DateFormatter().string(from: scan.scannedAt)
    if scan.isClean {
      return
        "A PII scan of version \(version.number) (\(date)) checked \(scan.samplesScanned) samples and found no personal information."
    }
    let kinds = scan.byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    return
      "A PII scan of version \(version.number) (\(date)) checked \(scan.samplesScanned) samples and found \(scan.findings) item(s) of personal information\(kinds.isEmpty ? "" : " (\(kinds))"); they were not redacted in this version."
  }

  /// What the use rights allow and forbid, as sentences.
  public var intendedUses: [String] {
    if kind == .public {
      return ["Training and evaluating machine-learning models, under the licence's terms."]
    }
    var uses: [String] = []
    if dataset.useRights.train { uses.append("Training machine-learning models.") }
    if dataset.useRights.evaluate { uses.append("Evaluating machine-learning models.") }
    return uses
  }

  /// What the data must not be used for.
  public var outOfScopeUses: [String] {
    var uses: [String] = []
    let rights = dataset.useRights
    if kind == .privateTerms {
      if !rights.train { uses.append("Training models (the partner allows evaluation only).") }
      if !rights.evaluate { uses.append("Evaluating models.") }
      if rights.noRedistribution { uses.append("Passing the data on to third parties.") }
      if let days = rights.retentionDays { uses.append("Keeping the data longer than \(days) days after delivery.") }
      uses.append("Any use by someone without a grant listed in access-policy.json.")
    }
    uses.append("Identifying, profiling or contacting the people the data mentions.")
    return uses
  }
}
