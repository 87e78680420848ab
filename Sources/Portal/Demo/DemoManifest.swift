import PortalCore

/// The demo fixtures' `manifest.json`: the cast, the lab teams, and each dataset with
/// its governance story.
struct DemoManifest: Decodable, Sendable {
  struct Organisation: Decodable, Sendable {
    var name: String
    var description: String?
  }

  struct Person: Decodable, Sendable {
    var login: String
    var displayName: String
    var role: Role
    var title: String?
  }

  struct Team: Decodable, Sendable {
    var name: String
    var kind: Group.Kind?
    var description: String?
    var members: [String]?
  }

  struct GrantSpec: Decodable, Sendable {
    var principalKind: PrincipalKind
    var principal: String
    var permission: Permission
    var expiresInDays: Int?
  }

  struct RequestSpec: Decodable, Sendable {
    var principalKind: PrincipalKind?
    var requestedBy: String?
    var principal: String
    var permission: Permission
    var purpose: String
    var durationDays: Int?
  }

  struct DatasetSpec: Decodable, Sendable {
    var dir: String
    var name: String
    var description: String
    var tags: [String]?
    var licence: String?
    var visibility: Visibility?
    var sensitivity: Sensitivity?
    var languages: [String]?
    var useRights: UseRights?
    var owner: String?
    var grants: [GrantSpec]?
    var requests: [RequestSpec]?
  }

  var organisation: Organisation?
  var users: [Person]
  var groups: [Team]?
  var datasets: [DatasetSpec]
}
