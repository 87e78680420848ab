import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal user add|list|role|disable|enable`.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Manage the catalog's users.",
    subcommands: [Add.self, List.self, SetRole.self, Disable.self, Enable.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a user linked to an OS login (owners only).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's OS login.") var login: String
    @Option(help: "owner, steward, reviewer or viewer.") var role: Role = .viewer
    @Option(help: "The user's full name.") var name: String?
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let user = try global.session().addUser(login: login, displayName: name, role: role)
      if json {
        print(JSONText.pretty(user))
        return
      }
      print("Added \(user.login) as \(user.role.rawValue).")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List users.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let users = try global.session().listUsers()
      if json {
        print(JSONText.pretty(users))
        return
      }
      var table = TextTable(["LOGIN", "NAME", "ROLE", "STATUS"])
      for user in users {
        let status = user.disabledAt.map { "disabled \(ISO8601DateFormatter().string(from: $0))" } ?? "active"
        table.add([user.login, user.displayName, user.role.rawValue, status])
      }
      print(table.render())
    }
  }

  struct SetRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "role", abstract: "Change a user's role (owners only; the last owner stays an owner).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var login: String
    @Argument(help: "owner, steward, reviewer or viewer.") var role: Role
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let user = try global.session().setRole(login: login, to: role)
      if json {
        print(JSONText.pretty(user))
        return
      }
      print("\(user.login) is now \(user.role.rawValue).")
    }
  }

  struct Disable: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Stop a user from acting: their open sessions end within seconds (owners only).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var login: String

    func run() throws {
      let changed = try global.session().disableUser(login: login)
      print(
        changed ? "Disabled \(login); their open sessions end within a few seconds." : "\(login) was already disabled.")
    }
  }

  struct Enable: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Let a disabled user act again (owners only).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var login: String

    func run() throws {
      let changed = try global.session().enableUser(login: login)
      print(
        changed
          ? "Enabled \(login). On a review station, add their key again with `portal station add-user`."
          : "\(login) was not disabled.")
    }
  }
}
