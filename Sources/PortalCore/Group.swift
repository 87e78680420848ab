import Foundation

/// A set of principals: a partner team, or a lab team on the receiving side
/// (named `lab:training`, `lab:evaluation`…).
public struct Group: Codable, Sendable, Equatable, Identifiable {
  public enum Kind: String, Codable, Sendable {
    case partner, lab
  }

  public var id: Int64?
  public var name: String
  public var kind: Kind
  public var description: String
  public var createdAt: Date

  public init(id: Int64? = nil, name: String, kind: Kind, description: String = "", createdAt: Date = Date()) {
    self.id = id
    self.name = name
    self.kind = kind
    self.description = description
    self.createdAt = createdAt
  }

  enum CodingKeys: String, CodingKey {
    case id, name, kind, description
    case createdAt = "created_at"
  }
}
