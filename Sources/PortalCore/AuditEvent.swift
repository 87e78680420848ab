import Foundation

/// One entry of the append-only, hash-chained audit log.
public struct AuditEvent: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  public var at: Date
  /// The login of whoever acted.
  public var actor: String
  /// A dotted verb: `dataset.import`, `grant.create`, `visibility.change`…
  public var action: String
  /// What was acted on: `dataset`, `grant`, `user`, `job`…
  public var targetKind: String
  public var targetID: String
  public var datasetID: Int64?
  /// JSON of the state before and after (null when there is none).
  public var before: String?
  public var after: String?
  /// Hex SHA-256 of the previous event's hash and this event's content.
  public var previousHash: String
  public var hash: String

  public init(
    id: Int64? = nil, at: Date, actor: String, action: String, targetKind: String, targetID: String,
    datasetID: Int64? = nil, before: String? = nil, after: String? = nil, previousHash: String = "",
    hash: String = ""
  ) {
    self.id = id
    self.at = at
    self.actor = actor
    self.action = action
    self.targetKind = targetKind
    self.targetID = targetID
    self.datasetID = datasetID
    self.before = before
    self.after = after
    self.previousHash = previousHash
    self.hash = hash
  }

  /// The exact bytes the hash covers, so anyone can recompute it: fields joined by
  /// a unit separator in a fixed order, the time as integer milliseconds.
  public var canonicalContent: String {
    let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
    return [
      previousHash, String(millis), actor, action, targetKind, targetID,
      datasetID.map(String.init) ?? "", before ?? "", after ?? "",
    ].joined(separator: "\u{1F}")
  }

  enum CodingKeys: String, CodingKey {
    case id, at, actor, action
    case targetKind = "target_kind"
    case targetID = "target_id"
    case datasetID = "dataset_id"
    case before, after
    case previousHash = "previous_hash"
    case hash
  }
}
