import ArgumentParser
import Portal
import PortalCore

/// `portal tag DATASET… --private --sensitivity confidential --tag-add x --tag-remove y`:
/// visibility, sensitivity and tags of many datasets, previewed then applied all or none.
struct TagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tag", abstract: "Set visibility, sensitivity and tags of one or many datasets (previewed first).",
    discussion: """
      Every resulting change is shown per dataset, with refusals and why; then all are applied in one
      transaction, or none. Publishing is `portal publish`.
      Examples:
        portal tag press-fr oral-history --private --sensitivity restricted
        portal tag press-en photo-library --tag-add news --tag-remove draft --yes
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Dataset names or slugs.") var datasets: [String]
  @Flag(help: "Make private (withdraws a pending publication request; a public dataset stays public).")
  var `private` = false
  @Flag(help: "Request publication (private → public-pending).") var requestPublic = false
  @Option(help: "public, internal, confidential or restricted.") var sensitivity: Sensitivity?
  @Option(help: "Add a tag (repeat, or separate with commas).") var tagAdd: [String] = []
  @Option(help: "Remove a tag (repeat, or separate with commas).") var tagRemove: [String] = []
  @Flag(help: "Apply without asking.") var yes = false
  @Flag(help: "Apply to the datasets that are not refused, leaving the refused ones out.") var skipRefused = false
  @Flag(help: "Print the plan (and result) as JSON.") var json = false

  func validate() throws {
    if `private` && requestPublic { throw ValidationError("choose one of --private and --request-public") }
  }

  func run() throws {
    var changes: [GovernanceChange] = []
    if `private` { changes.append(.visibility(.private)) }
    if requestPublic { changes.append(.visibility(.publicPending)) }
    if let sensitivity { changes.append(.sensitivity(sensitivity)) }
    let added = tagAdd.flatMap { $0.split(separator: ",").map(String.init) }
    let removed = tagRemove.flatMap { $0.split(separator: ",").map(String.init) }
    if !added.isEmpty { changes.append(.addTags(added)) }
    if !removed.isEmpty { changes.append(.removeTags(removed)) }
    let session = try global.session()
    let plan = try session.planBulkChange(datasets, BulkChange(changes))
    try BulkFlow(yes: yes, skipRefused: skipRefused, json: json).run(plan, session: session)
  }
}
