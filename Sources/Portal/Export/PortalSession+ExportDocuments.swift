import Foundation
import PortalCore
import PortalStore

// MARK: - Export: the bundle's metadata documents

extension PortalSession {
  /// Gathers what the documents say, once the data is written.
  func bundleFacts(
    _ dataset: Dataset, version: DatasetVersion, lineage: [DatasetVersion], kind: BundleKind, options: ExportOptions,
    data: BundleDataWriter
  ) throws -> BundleFacts {
    let versionID = version.id ?? 0
    let owner = try wrap { try catalog.user(id: dataset.ownerID) }
    let state = try wrap { try catalog.governanceState(dataset.id ?? 0) }
    return BundleFacts(
      dataset: dataset, version: version, lineage: lineage,
      organisation: (try? catalog.meta("organisation")).flatMap { $0 } ?? "the partner",
      ownerName: owner?.displayName ?? owner?.login ?? "the owner", ownerLogin: owner?.login ?? "",
      piiScans: try wrap { try catalog.piiScans(ofVersion: versionID) },
      signoffs: state?.signoffs.filter { $0.versionID == versionID } ?? [],
      grants: try wrap { try catalog.grants(on: dataset.id ?? 0) }, kind: kind, format: options.format,
      files: data.files, fileSets: data.fileSets, recordSets: data.recordSets,
      samplesByModality: try wrap { try catalog.sampleCountsByModality(ofVersion: versionID) }, exportedAt: Date(),
      exportedBy: actor.login, portalVersion: PortalVersion.current)
  }

  /// Writes croissant.json, README.md, access-policy.json, provenance.jsonl, then
  /// SHA256SUMS over every file.
  func writeDocuments(_ facts: BundleFacts, into writer: BundleWriter) throws {
    try writer.write(CroissantBuilder.document(facts).prettyText + "\n", at: writer.reserve("croissant.json"))
    try writer.write(DatasetCardBuilder.card(facts), at: writer.reserve("README.md"))
    try writer.write(AccessPolicyDocument(facts).jsonText, at: writer.reserve("access-policy.json"))
    let provenance = try writer.create(writer.reserve("provenance.jsonl"))
    let full = (try? authorize(.viewAudit, on: facts.dataset)) != nil
    for event in try wrap({ try catalog.allAuditEvents(ofDataset: facts.dataset.id ?? 0) }) {
      if full && facts.kind == .public {
        try provenance.writeLine(Self.publicProvenanceLine(event))
      } else if full {
        try provenance.writeLine(JSONText.encode(event))
      } else {
        // Someone who may download but not read the audit log gets the chain's shape
        // (what happened, when, hashes), not who did it or the states before and after.
        try provenance.writeLine(
          JSONText.encode(
            RedactedEvent(
              id: event.id, at: event.at, action: event.action, targetKind: event.targetKind,
              previousHash: event.previousHash, hash: event.hash)))
      }
    }
    try provenance.finish()
    let entries = writer.written.map { (path: $0.key, sha256: $0.value.sha256) }
    try writer.write(ChecksumList.text(entries), at: writer.reserve("SHA256SUMS"))
  }
}

extension PortalSession {
  /// An audit event for a public bundle: absolute paths in its before/after (import
  /// roots) replaced by their last component, marked so a reader knows the event's
  /// hash was computed over the original text.
  static func publicProvenanceLine(_ event: AuditEvent) -> String {
    let before = event.before.map(ProvenanceRedaction.redactingPaths)
    let after = event.after.map(ProvenanceRedaction.redactingPaths)
    guard before?.changed == true || after?.changed == true else { return JSONText.encode(event) }
    var redacted = event
    redacted.before = before?.text
    redacted.after = after?.text
    return JSONText.encode(
      RedactedPathsEvent(
        event: redacted, redacted: "local paths shortened to their last component; the hash covers the original event"))
  }
}

/// An audit event whose local paths were shortened, saying so.
private struct RedactedPathsEvent: Encodable {
  var event: AuditEvent
  var redacted: String

  func encode(to encoder: any Encoder) throws {
    try event.encode(to: encoder)
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(redacted, forKey: Key(stringValue: "redacted"))
  }

  struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}

/// An audit event without its actor and states.
private struct RedactedEvent: Encodable {
  var id: Int64?
  var at: Date
  var action: String
  var targetKind: String
  var previousHash: String
  var hash: String

  enum CodingKeys: String, CodingKey {
    case id, at, action
    case targetKind = "target_kind"
    case previousHash = "previous_hash"
    case hash
  }
}
