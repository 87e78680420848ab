import ArgumentParser
import Portal

/// `portal reject ID --reason "…"`.
struct RejectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reject", abstract: "Reject an access request, saying why.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The request's id (see portal requests).") var id: Int64
  @Option(help: "Why (the requester sees it).") var reason: String
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let request = try global.session().rejectRequest(id, reason: reason)
    if json {
      print(JSONText.pretty(request))
      return
    }
    print("Rejected request #\(id).")
  }
}
