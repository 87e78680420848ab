import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal grant DATASET… --to PRINCIPAL --permission P [--expires DATE]`.
struct GrantCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grant", abstract: "Grant a user, group or lab team a permission on datasets (previewed first).",
    discussion: """
      PRINCIPAL is user:LOGIN (or just LOGIN), group:NAME or a lab team such as lab:training.
      Permissions: discover, preview, download, train, evaluate, manage. An expired grant grants nothing.
      Example: portal grant press-fr --to lab:evaluation --permission evaluate --expires 2027-03-31
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Dataset names or slugs.") var datasets: [String]
  @Option(help: "Who: user:LOGIN, group:NAME or lab:TEAM.") var to: String
  @Option(help: "discover, preview, download, train, evaluate or manage.") var permission: Permission
  @Option(help: "Until: 2027-03-31 (end of that day, UTC), an ISO-8601 time, or 30d.") var expires: String?
  @Flag(help: "Apply without asking.") var yes = false
  @Flag(help: "Apply to the datasets that are not refused.") var skipRefused = false
  @Flag(help: "Print the plan (and result) as JSON.") var json = false

  func run() throws {
    guard let principal = PrincipalRef.parse(to) else {
      throw ValidationError("'\(to)' is not a principal: use user:LOGIN, group:NAME or lab:TEAM")
    }
    let until = try expires.map { try DateArgument.parse($0) }
    let session = try global.session()
    let plan = try session.planBulkChange(datasets, BulkChange([.grant(principal, permission, expires: until)]))
    try BulkFlow(yes: yes, skipRefused: skipRefused, json: json).run(plan, session: session)
  }
}
