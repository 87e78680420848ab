import ArgumentParser
import Portal
import PortalCore

/// `portal group add|member|list`: partner groups and lab teams.
struct GroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "group", abstract: "Manage partner groups and lab teams (lab:training, lab:evaluation…).",
    subcommands: [Add.self, Member.self, List.self])

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add a partner group, or a lab team (a name starting with lab:). Owners only.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The name: archive-team, or lab:training for a lab team.") var name: String
    @Option(help: "What the group is.") var description = ""
    @Option(name: .customLong("member"), help: "A member's login (repeat).") var members: [String] = []
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
      guard name.range(of: #"^(lab:)?[a-z0-9][a-z0-9._-]*$"#, options: .regularExpression) != nil else {
        throw ValidationError(
          "'\(name)' is not a group name: lower-case letters, digits, '.', '_' or '-' (lab teams: lab:NAME)")
      }
    }

    func run() throws {
      let kind: Group.Kind = name.hasPrefix("lab:") ? .lab : .partner
      let session = try global.session()
      try session.addGroup(name: name, kind: kind, description: description, members: members)
      if json {
        print(JSONText.pretty(try session.listGroups().first { $0.group.name == name }))
        return
      }
      print(
        "Added \(kind == .lab ? "lab team" : "group") \(name)\(members.isEmpty ? "" : " with \(members.joined(separator: ", "))")."
      )
    }
  }

  struct Member: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Add or remove members. Owners only.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The group or lab team.") var name: String
    @Option(help: "A login to add (repeat).") var add: [String] = []
    @Option(help: "A login to remove (repeat).") var remove: [String] = []
    @Flag(help: "Print JSON for scripts.") var json = false

    func validate() throws {
      if add.isEmpty && remove.isEmpty { throw ValidationError("say who: --add LOGIN or --remove LOGIN") }
    }

    func run() throws {
      let session = try global.session()
      try session.changeMembers(of: name, add: add, remove: remove)
      if json {
        print(JSONText.pretty(try session.listGroups().first { $0.group.name == name }))
        return
      }
      print("Updated the members of \(name).")
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List groups and lab teams with their members.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let rows = try global.session().listGroups()
      if json {
        print(JSONText.pretty(rows))
        return
      }
      var table = TextTable(["NAME", "KIND", "MEMBERS", "DESCRIPTION"])
      for row in rows {
        table.add([row.group.name, row.group.kind.rawValue, row.members.joined(separator: ", "), row.group.description])
      }
      print(table.render())
    }
  }
}
