import ArgumentParser
import Portal
import PortalCore

/// `portal licences [SEARCH]`: the embedded SPDX licence list, searched.
struct LicencesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "licences", abstract: "Search the SPDX licence list (no network needed).")

  @Argument(help: "Words to find in the id or name (e.g. \"creative attribution\", cc-by, odc).") var words: [String] =
    []
  @Option(help: "At most this many.") var limit = 20
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let found = SPDXTable.search(words.joined(separator: " "), limit: limit)
    if json {
      print(JSONText.pretty(found))
      return
    }
    guard !found.isEmpty else {
      print("No SPDX licence matches; a custom licence needs --licence NAME --licence-url https://…")
      return
    }
    var table = TextTable(["ID", "NAME", "PUBLIC CORPUS"])
    table.maxColumnWidth = 70
    for licence in found {
      let problem = LicenceRules.problemPublishing(licence: licence.id, url: nil)
      table.add([licence.id, licence.name, problem == nil ? "yes" : "no"])
    }
    print(table.render())
  }
}
