import Foundation

/// A dataset registered in the catalog: its description and governance settings.
/// The content itself lives in versions and samples.
public struct Dataset: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  /// A stable, path-safe identifier derived from the name ("press-archive-2019").
  public var slug: String
  public var name: String
  public var description: String
  /// nil until the first version's samples say what it is.
  public var modality: Modality?
  public var visibility: Visibility
  public var sensitivity: Sensitivity
  /// An SPDX identifier, a custom licence name, or nil when unspecified.
  public var licence: String?
  public var licenceURL: String?
  public var useRights: UseRights
  /// BCP-47 language tags.
  public var languages: [String]
  public var tags: [String]
  public var ownerID: Int64
  public var contact: String?
  public var currentVersionID: Int64?
  /// Bumped by every change: an editor compares it to detect concurrent edits.
  public var revision: Int
  public var createdAt: Date
  public var updatedAt: Date

  public init(
    id: Int64? = nil, slug: String, name: String, description: String = "", modality: Modality? = nil,
    visibility: Visibility = .private, sensitivity: Sensitivity = .internal, licence: String? = nil,
    licenceURL: String? = nil, useRights: UseRights = UseRights(), languages: [String] = [], tags: [String] = [],
    ownerID: Int64, contact: String? = nil, currentVersionID: Int64? = nil, revision: Int = 1,
    createdAt: Date = Date(), updatedAt: Date = Date()
  ) {
    self.id = id
    self.slug = slug
    self.name = name
    self.description = description
    self.modality = modality
    self.visibility = visibility
    self.sensitivity = sensitivity
    self.licence = licence
    self.licenceURL = licenceURL
    self.useRights = useRights
    self.languages = languages
    self.tags = tags
    self.ownerID = ownerID
    self.contact = contact
    self.currentVersionID = currentVersionID
    self.revision = revision
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }

  enum CodingKeys: String, CodingKey {
    case id, slug, name, description, modality, visibility, sensitivity, licence
    case licenceURL = "licence_url"
    case useRights = "use_rights"
    case languages, tags
    case ownerID = "owner_id"
    case contact
    case currentVersionID = "current_version_id"
    case revision
    case createdAt = "created_at"
    case updatedAt = "updated_at"
  }
}
