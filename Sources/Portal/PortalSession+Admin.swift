import Foundation
import PortalCore
import PortalStore

// MARK: - Roles, groups and lab teams, removing a dataset from the catalog

extension PortalSession {
  /// Changes a user's role (owners only; the last owner stays an owner).
  @discardableResult
  public func setRole(login: String, to role: Role) throws -> User {
    try authorize(.manageUsers)
    guard let user = try wrap({ try catalog.user(login: login) }) else {
      throw PortalError.invalidArgument("no user '\(login)' (see portal user list)")
    }
    if user.role == role { return user }
    return try wrap {
      try catalog.setRole(userID: user.id ?? 0, to: role, audit: event("user.role", target: "user", login))
    }
  }

  /// Every group and lab team with its members.
  public func listGroups() throws -> [GroupRow] {
    try wrap { try catalog.groups() }.map { group in
      GroupRow(group: group, members: try wrap { try catalog.members(ofGroup: group.id ?? 0) })
    }
  }

  /// Adds users to a group or lab team and takes others out (owners only). Each
  /// membership change is one audit event; adding a member twice changes nothing.
  public func changeMembers(of name: String, add: [String] = [], remove: [String] = []) throws {
    try authorize(.manageUsers)
    guard let group = try wrap({ try catalog.group(named: name) }) else {
      throw PortalError.invalidArgument("no group or lab team '\(name)' (see portal group list)")
    }
    for login in add + remove where try wrap({ try catalog.user(login: login) }) == nil {
      throw PortalError.invalidArgument("no user '\(login)'; add it first with portal user add \(login)")
    }
    for login in add {
      let user = try wrap { try catalog.user(login: login) }
      try wrap {
        try catalog.addMember(
          userID: user?.id ?? 0, groupID: group.id ?? 0,
          audit: event("group.member.add", target: "group", name, after: JSONText.encode(["member": login])))
      }
    }
    for login in remove {
      let user = try wrap { try catalog.user(login: login) }
      _ = try wrap {
        try catalog.removeMember(
          userID: user?.id ?? 0, groupID: group.id ?? 0,
          audit: event("group.member.remove", target: "group", name, before: JSONText.encode(["member": login])))
      }
    }
  }

  /// Removes a dataset from the catalog — never its files. Needs the manage
  /// permission and `confirmation` equal to the dataset's slug; refused for public
  /// and pending datasets (the catalog is the record of a publication).
  public func removeDataset(_ reference: String, confirmation: String) throws {
    let dataset = try resolve(reference)
    try authorize(.delete, on: dataset)
    guard confirmation == dataset.slug else {
      throw PortalError.invalidArgument(
        "to remove '\(dataset.name)' from the catalog, confirm with its slug: --confirm \(dataset.slug)")
    }
    switch dataset.visibility {
    case .public:
      throw PortalError.notAllowed(
        "'\(dataset.name)' is public; its catalog entry is the record of that publication and stays")
    case .publicPending:
      throw PortalError.notAllowed(
        "'\(dataset.name)' is pending publication; withdraw the request first (portal tag \(dataset.slug) --private)")
    case .private:
      break
    }
    try wrap {
      try catalog.removeDataset(
        id: dataset.id ?? 0, expectedRevision: dataset.revision,
        audit: event("dataset.remove", target: "dataset", dataset.slug))
    }
    logger.info("removed dataset from the catalog", metadata: ["dataset": "\(dataset.id ?? 0)"])
  }
}
