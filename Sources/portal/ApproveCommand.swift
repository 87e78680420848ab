import ArgumentParser
import Portal
import PortalCore

/// `portal approve ID [--expires DATE]`: grants what the request asked for.
struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve", abstract: "Approve an access request: creates the grant, expiring after its duration.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The request's id (see portal requests).") var id: Int64
  @Option(help: "End the grant earlier or later than asked: 2027-03-31, an ISO-8601 time, or 30d.") var expires: String?
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let until = try expires.map { try DateArgument.parse($0) }
    let (request, grant) = try global.session().approveRequest(id, expires: until)
    if json {
      print(JSONText.pretty(grant))
      return
    }
    let end = grant.expiresAt.map { "until \(GovernanceFormat.minute($0))" } ?? "with no expiry"
    print(
      "Approved request #\(id): \(request.principalRef) may \(grant.permission.rawValue) \(end) (grant #\(grant.id ?? 0))."
    )
  }
}
