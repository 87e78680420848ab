import Foundation

/// A person known to the portal, linked to an operating-system account.
public struct User: Codable, Sendable, Equatable, Identifiable {
  public var id: Int64?
  /// The OS login (or, on a review station, the login the administrator assigned).
  public var login: String
  public var displayName: String
  public var role: Role
  public var createdAt: Date
  public var disabledAt: Date?

  public init(
    id: Int64? = nil, login: String, displayName: String, role: Role, createdAt: Date = Date(),
    disabledAt: Date? = nil
  ) {
    self.id = id
    self.login = login
    self.displayName = displayName
    self.role = role
    self.createdAt = createdAt
    self.disabledAt = disabledAt
  }

  enum CodingKeys: String, CodingKey {
    case id, login
    case displayName = "display_name"
    case role
    case createdAt = "created_at"
    case disabledAt = "disabled_at"
  }
}
