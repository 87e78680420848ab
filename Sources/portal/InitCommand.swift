import ArgumentParser
import Portal

/// `portal init`: creates a catalog; the current OS account becomes its owner.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init", abstract: "Create a catalog; your OS account becomes its owner.")

  @OptionGroup var global: GlobalOptions

  @Option(help: "The organisation contributing the data.")
  var organisation = "My organisation"

  func run() throws {
    PortalLog.setVerbose(global.verbose)
    let session = try PortalSession.initialize(location: global.location, organisation: organisation)
    print("Created a catalog at \(session.location.directory.path)")
    print("You (\(session.actor.login)) are its owner. Next: portal import PATH --name \"Dataset name\"")
  }
}
