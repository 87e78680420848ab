import ArgumentParser
import Portal
import PortalCore

/// `portal revoke DATASET… --grant ID` or `--from PRINCIPAL [--permission P]`.
struct RevokeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke grants, by id or by principal and permission (previewed first).")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Dataset names or slugs.") var datasets: [String]
  @Option(help: "The grant's id (see portal grants DATASET).") var grant: Int64?
  @Option(help: "Revoke what this principal holds: user:LOGIN, group:NAME or lab:TEAM.") var from: String?
  @Option(help: "Only this permission (with --from).") var permission: Permission?
  @Flag(help: "Apply without asking.") var yes = false
  @Flag(help: "Apply to the datasets that are not refused.") var skipRefused = false
  @Flag(help: "Print the plan (and result) as JSON.") var json = false

  func validate() throws {
    if (grant == nil) == (from == nil) { throw ValidationError("say which grant: --grant ID, or --from PRINCIPAL") }
    if grant != nil && datasets.count != 1 { throw ValidationError("--grant ID names one grant on one dataset") }
  }

  func run() throws {
    let change: GovernanceChange
    if let grant {
      change = .revokeGrant(id: grant)
    } else {
      guard let principal = from.flatMap(PrincipalRef.parse) else {
        throw ValidationError("'\(from ?? "")' is not a principal: use user:LOGIN, group:NAME or lab:TEAM")
      }
      change = .revoke(principal, permission)
    }
    let session = try global.session()
    let plan = try session.planBulkChange(datasets, BulkChange([change]))
    try BulkFlow(yes: yes, skipRefused: skipRefused, json: json).run(plan, session: session)
  }
}
