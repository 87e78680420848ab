import Foundation
import PortalCore
import PortalStore

// MARK: - Users (the full governance commands arrive with access control)

extension PortalSession {
  /// Every user of the catalog.
  public func listUsers() throws -> [User] {
    try wrap { try catalog.users() }
  }

  /// Adds a user linked to an OS login (owners only).
  @discardableResult
  public func addUser(login: String, displayName: String? = nil, role: Role) throws -> User {
    try authorize(.manageUsers)
    guard !login.isEmpty, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
      throw PortalError.invalidArgument(
        "'\(login)' is not a valid login: use letters, digits, '.', '_' or '-'")
    }
    let user = User(login: login, displayName: displayName ?? login, role: role)
    return try wrap {
      try catalog.addUser(user, audit: event("user.add", target: "user", login, after: JSONText.encode(user)))
    }
  }
}

extension PortalSession {
  /// Adds a partner group or lab team with its members (owners only).
  @discardableResult
  public func addGroup(name: String, kind: Group.Kind, description: String = "", members: [String] = []) throws
    -> Group
  {
    try authorize(.manageUsers)
    let group = try wrap {
      try catalog.addGroup(
        Group(name: name, kind: kind, description: description),
        audit: event("group.add", target: "group", name, after: JSONText.encode(["name": name, "kind": kind.rawValue])))
    }
    for login in members {
      guard let user = try wrap({ try catalog.user(login: login) }) else {
        throw PortalError.invalidArgument("no user '\(login)' to add to \(name); add the user first")
      }
      try wrap {
        try catalog.addMember(
          userID: user.id ?? 0, groupID: group.id ?? 0,
          audit: event("group.member.add", target: "group", name, after: JSONText.encode(["member": login])))
      }
    }
    return group
  }
}
