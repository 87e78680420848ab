import Foundation

/// A bundle's `access-policy.json`: the terms the data travels under — visibility,
/// sensitivity, licence, use rights, and (in a private bundle) who holds which
/// permission until when.
public struct AccessPolicyDocument: Sendable, Equatable, Encodable {
  /// One active grant.
  public struct GrantEntry: Sendable, Equatable, Encodable {
    public var principalKind: String
    public var principal: String
    public var permission: String
    public var grantedAt: Date
    /// nil: until revoked.
    public var expiresAt: Date?

    enum CodingKeys: String, CodingKey {
      case principalKind = "principal_kind"
      case principal, permission
      case grantedAt = "granted_at"
      case expiresAt = "expires_at"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(principalKind, forKey: .principalKind)
      try container.encode(principal, forKey: .principal)
      try container.encode(permission, forKey: .permission)
      try container.encode(grantedAt, forKey: .grantedAt)
      try container.encode(expiresAt, forKey: .expiresAt)
    }
  }

  public var dataset: String
  public var version: Int
  public var bundle: String
  public var visibility: String
  public var sensitivity: String
  public var licence: String?
  public var licenceURL: String?
  public var useRights: UseRights
  /// Active grants at export, for a private bundle; nil (absent) in a public one.
  public var grants: [GrantEntry]?
  public var exportedAt: Date
  public var exportedBy: String
  /// When the lab must delete the data (export + retention), if the use rights limit it.
  public var deleteBy: Date?

  /// The policy for `facts`.
  public init(_ facts: BundleFacts) {
    let dataset = facts.dataset
    self.dataset = dataset.slug
    version = facts.version.number
    bundle = facts.kind.rawValue
    visibility = dataset.visibility.rawValue
    sensitivity = dataset.sensitivity.rawValue
    licence = dataset.licence
    licenceURL = facts.licenceURL
    useRights = dataset.useRights
    exportedAt = facts.exportedAt
    exportedBy = facts.exportedBy
    if facts.kind == .privateTerms {
      grants = facts.grants.filter { $0.isActive(at: facts.exportedAt) }.map {
        GrantEntry(
          principalKind: $0.principalKind.rawValue, principal: $0.principal, permission: $0.permission.rawValue,
          grantedAt: $0.grantedAt, expiresAt: $0.expiresAt)
      }
      deleteBy = dataset.useRights.retentionDays.map { facts.exportedAt.addingTimeInterval(Double($0) * 86_400) }
    }
  }

  enum CodingKeys: String, CodingKey {
    case dataset, version, bundle, visibility, sensitivity, licence
    case licenceURL = "licence_url"
    case useRights = "use_rights"
    case grants
    case exportedAt = "exported_at"
    case exportedBy = "exported_by"
    case deleteBy = "delete_by"
  }

  /// Pretty, sorted-key JSON with ISO-8601 dates.
  public var jsonText: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(self) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
