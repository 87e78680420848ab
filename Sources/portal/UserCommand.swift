import ArgumentParser
import Portal
import PortalCore

/// `portal user add|list|role`.
struct UserCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "user", abstract: "Manage the catalog's users.", subcommands: [Add.self, List.self, SetRole.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add a user linked to an OS login (owners only).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's OS login.") var login: String
    @Option(help: "owner, steward, reviewer or viewer.") var role: Role = .viewer
    @Option(help: "The user's full name.") var name: String?

    func run() throws {
      let user = try global.session().addUser(login: login, displayName: name, role: role)
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
      var table = TextTable(["LOGIN", "NAME", "ROLE"])
      for user in users { table.add([user.login, user.displayName, user.role.rawValue]) }
      print(table.render())
    }
  }

  struct SetRole: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "role", abstract: "Change a user's role (owners only; the last owner stays an owner).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The user's login.") var login: String
    @Argument(help: "owner, steward, reviewer or viewer.") var role: Role

    func run() throws {
      let user = try global.session().setRole(login: login, to: role)
      print("\(user.login) is now \(user.role.rawValue).")
    }
  }
}
