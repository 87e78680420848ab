import ArgumentParser
import Portal
import PortalCore

/// `portal publish DATASET…`: runs the publication checklist and makes the datasets
/// public — irreversibly — once every item is met. `--check` only prints it.
struct PublishCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "publish", abstract: "Make pending datasets public, for good, once the checklist passes.",
    discussion: """
      The checklist: publication requested; an acceptable licence; description, languages and modality;
      a clean PII scan of the current version; a reviewer's sign-off (not the requester's); and your
      confirmation that publication cannot be undone (--confirm-irreversible, or type it when asked).
      `portal publish --check DATASET` prints the checklist and exits 0 when only the confirmation is missing.
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Dataset names or slugs.") var datasets: [String]
  @Flag(help: "Only print the checklist.") var check = false
  @Flag(help: "Confirm that publication cannot be undone.") var confirmIrreversible = false
  @Flag(help: "Apply without asking (still needs --confirm-irreversible).") var yes = false
  @Flag(help: "Publish those that pass, leaving the others out.") var skipRefused = false
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let session = try global.session()
    let lists = try datasets.map { try session.publicationChecklist($0, confirmedIrreversible: confirmIrreversible) }
    if check {
      if json { print(JSONText.pretty(lists)) } else { lists.forEach { print(Self.render($0)) } }
      let ready = lists.allSatisfy { list in list.unmet.allSatisfy { $0.kind == .confirmation } }
      if !ready { throw ExitCode(1) }
      return
    }
    var confirmed = confirmIrreversible
    var typed = false
    let onlyConfirmationMissing = lists.allSatisfy { list in list.unmet.allSatisfy { $0.kind == .confirmation } }
    if !confirmed && onlyConfirmationMissing && BulkFlow.interactive && !json {
      lists.forEach { print(Self.render($0)) }
      let names = lists.map(\.datasetSlug).joined(separator: ", ")
      let answer = BulkFlow.ask(
        "Publishing \(names) cannot be undone: the data joins the public corpus for good.\nType \"publish\" to confirm: "
      )
      guard answer == "publish" else {
        BulkFlow.say("Nothing was published.")
        throw ExitCode(1)
      }
      confirmed = true
      typed = true
    }
    let plan = try session.planBulkChange(
      datasets, BulkChange([.visibility(.public)], confirmedIrreversible: confirmed))
    if plan.hasRefusals && !json {
      for list in lists where !list.passes || !confirmed {
        print(Self.render(list))
      }
    }
    try BulkFlow(yes: yes, skipRefused: skipRefused, json: json).run(plan, session: session, confirmed: typed)
  }

  /// One checklist, one line per item: ✓ met, ✗ not met, with the explanation.
  static func render(_ list: PublicationChecklist) -> String {
    var lines = ["Publication checklist for \(list.datasetSlug):"]
    for item in list.items {
      lines.append("  [\(item.met ? "x" : " ")] \(item.title): \(SafeText.line(item.explanation))")
    }
    lines.append(list.passes ? "  → ready to publish" : "  → not ready: \(list.unmet.count) item(s) missing")
    return lines.joined(separator: "\n")
  }
}
