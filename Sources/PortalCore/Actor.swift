/// Who is acting: a portal user with their role and the groups and lab teams they
/// belong to. Built by `Portal` from the operating-system identity.
public struct Actor: Sendable, Equatable {
  public let user: User
  /// Names of the partner groups and lab teams the user is a member of.
  public let groups: [String]

  public init(user: User, groups: [String]) {
    self.user = user
    self.groups = groups
  }

  public var id: Int64 { user.id ?? 0 }
  public var login: String { user.login }
  public var role: Role { user.role }

  /// Whether a grant's principal is this actor (directly, or through a group or lab team).
  public func matches(kind: PrincipalKind, principal: String) -> Bool {
    switch kind {
    case .user: principal == user.login
    case .group, .lab: groups.contains(principal)
    }
  }
}
