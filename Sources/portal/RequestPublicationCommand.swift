import ArgumentParser
import Portal
import PortalCore

/// `portal request-publication DATASET…`: private → public-pending, for reviewers to sign off.
struct RequestPublicationCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "request-publication",
    abstract: "Propose datasets for the public corpus (private → public-pending); withdraw with `portal tag --private`."
  )

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Dataset names or slugs.") var datasets: [String]
  @Flag(help: "Apply without asking.") var yes = false
  @Flag(help: "Apply to the datasets that are not refused.") var skipRefused = false
  @Flag(help: "Print the plan (and result) as JSON.") var json = false

  func run() throws {
    let session = try global.session()
    let plan = try session.planBulkChange(datasets, BulkChange([.visibility(.publicPending)]))
    try BulkFlow(yes: yes, skipRefused: skipRefused, json: json).run(plan, session: session)
  }
}
