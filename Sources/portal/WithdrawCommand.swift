import ArgumentParser
import Portal

/// `portal withdraw ID`: the requester takes back a pending request.
struct WithdrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "withdraw", abstract: "Withdraw one of your pending access requests.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The request's id (see portal requests --mine).") var id: Int64
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let request = try global.session().withdrawRequest(id)
    if json {
      print(JSONText.pretty(request))
      return
    }
    print("Withdrew request #\(id).")
  }
}
