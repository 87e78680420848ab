import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal station init|add-user|remove-user|list-users`: a catalog shared by reviewers
/// who reach it over SSH through a service account (see docs/review-station.md).
struct StationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "station", abstract: "Set up a review station: one catalog shared by reviewers over SSH.",
    subcommands: [Init.self, AddUser.self, RemoveUser.self, ListUsers.self])

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Prepare a shared catalog directory for the service account (run as that account).")
    @Option(help: "The station's catalog directory (created if missing).", completion: .directory) var dir: String
    @Option(help: "The OS group that shares the catalog (the service account and administrators).") var group: String
    @Option(help: "The organisation, when the catalog is created.") var organisation = "Review station"
    @Option(help: "The service account reviewers log in as (default: you).") var service: String?
    @Flag(help: "Mirror the log to standard error.") var verbose = false

    func run() throws {
      PortalLog.setVerbose(verbose)
      guard let gid = ReviewStation.groupID(named: group) else {
        throw ValidationError("there is no group '\(group)'; create it (groupadd \(group)) and add the service account")
      }
      ReviewStation.useGroupUmask()
      let location = CatalogLocation(directory: URL(fileURLWithPath: dir, isDirectory: true))
      let session: PortalSession
      if location.exists {
        session = try PortalSession.open(location: location)
      } else {
        session = try PortalSession.initialize(location: location, organisation: organisation)
        print("Created a catalog at \(location.directory.path); \(session.actor.login) is its owner.")
      }
      try session.markStation()
      let changed = try ReviewStation.shareDirectory(location, group: gid)
      let service = service ?? Identity.operatingSystemLogin()
      print(
        """
        \(location.directory.path) is a review station shared with group \(group) \
        (\(changed) entries: directories 2770, files 0660).

        Add to /etc/ssh/sshd_config, then reload sshd:

        \(ReviewStation.sshdConfig(service: service))

        Then register each reviewer's public key:
          portal station add-user LOGIN --key LOGIN.pub --role reviewer --catalog \(location.directory.path)
        """)
    }
  }

  struct AddUser: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add-user", abstract: "Register a reviewer and let their SSH key into `portal session` only.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reviewer's portal login.") var login: String
    @Option(help: "The reviewer's public key file (.pub).") var key: String
    @Option(help: "owner, steward, reviewer or viewer.") var role: Role = .reviewer
    @Option(help: "The reviewer's full name.") var name: String?
    @Option(name: .customLong("authorized-keys"), help: "The service account's authorized_keys (default: yours).")
    var authorizedKeys: String?

    func run() throws {
      let publicKey = try StationKey.load(file: key)
      let session = try global.session()
      if let existing = try session.listUsers().first(where: { $0.login == login }) {
        guard existing.disabledAt == nil else {
          throw ValidationError(
            "'\(login)' is disabled in this catalog; re-enable it first with `portal user enable \(login)`")
        }
        print("\(login) is already a \(existing.role.rawValue); adding this key.")
      } else {
        try session.addUser(login: login, displayName: name, role: role)
        print("Added \(login) as \(role.rawValue).")
      }
      let file = AuthorizedKeys(path: authorizedKeys)
      try file.add(
        login: login, key: publicKey, portal: Self.executablePath, catalog: session.location.directory.path)
      print("Key \(publicKey.fingerprint) of \(login) may now open `portal session` (in \(file.path)).")
    }

    /// The absolute path of this `portal` (what the forced command runs).
    static var executablePath: String {
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }
  }

  struct RemoveUser: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "remove-user", abstract: "Revoke a reviewer's keys and disable their portal account.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reviewer's portal login.") var login: String
    @Option(name: .customLong("authorized-keys"), help: "The service account's authorized_keys (default: yours).")
    var authorizedKeys: String?

    func run() throws {
      let file = AuthorizedKeys(path: authorizedKeys)
      let removed = try file.remove(login: login)
      print("Removed \(removed) key line\(removed == 1 ? "" : "s") of \(login) from \(file.path).")
      let session = try global.session()
      if try session.listUsers().contains(where: { $0.login == login }) {
        let disabled = try session.disableUser(login: login)
        print(disabled ? "Disabled the portal user \(login)." : "\(login) was already disabled.")
      }
      print("Sessions \(login) has open now end within a few seconds; an SSH login with the removed key is refused.")
    }
  }

  struct ListUsers: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list-users", abstract: "List the station's users, roles and key fingerprints.")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("authorized-keys"), help: "The service account's authorized_keys (default: yours).")
    var authorizedKeys: String?

    func run() throws {
      let entries = try AuthorizedKeys(path: authorizedKeys).entries()
      var table = TextTable(["LOGIN", "ROLE", "STATE", "KEYS"])
      table.maxColumnWidth = 120
      for user in try global.session().listUsers() {
        let keys = entries.filter { $0.login == user.login }.map { "\($0.key.type) \($0.key.fingerprint)" }
        let state = user.disabledAt == nil ? "active" : "disabled"
        table.add([user.login, user.role.rawValue, state, keys.isEmpty ? "-" : keys.joined(separator: ", ")])
      }
      print(table.render())
    }
  }
}
