import PortalCore

/// A change to a dataset's descriptive and governance settings; nil fields stay as
/// they are. Visibility changes go through the publication rules instead.
public struct MetadataChange: Sendable, Equatable {
  public var description: String?
  public var licence: String?
  public var licenceURL: String?
  public var languages: [String]?
  public var tags: [String]?
  public var sensitivity: Sensitivity?
  public var useRights: UseRights?
  public var contact: String?

  public init(
    description: String? = nil, licence: String? = nil, licenceURL: String? = nil, languages: [String]? = nil,
    tags: [String]? = nil, sensitivity: Sensitivity? = nil, useRights: UseRights? = nil, contact: String? = nil
  ) {
    self.description = description
    self.licence = licence
    self.licenceURL = licenceURL
    self.languages = languages
    self.tags = tags
    self.sensitivity = sensitivity
    self.useRights = useRights
    self.contact = contact
  }

  /// Applies the set fields to `dataset`.
  public func apply(to dataset: inout Dataset) {
    if let description { dataset.description = description }
    if let licence { dataset.licence = licence.isEmpty ? nil : licence }
    if let licenceURL { dataset.licenceURL = licenceURL.isEmpty ? nil : licenceURL }
    if let languages { dataset.languages = languages }
    if let tags { dataset.tags = tags }
    if let sensitivity { dataset.sensitivity = sensitivity }
    if let useRights { dataset.useRights = useRights }
    if let contact { dataset.contact = contact.isEmpty ? nil : contact }
  }
}
