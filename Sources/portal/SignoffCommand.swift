import ArgumentParser
import Portal

/// `portal signoff DATASET [--note "…"]`: a reviewer signs off a pending publication.
struct SignoffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signoff", abstract: "Sign off the current version of a dataset pending publication (reviewers).")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(help: "A note for the record.") var note = ""
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let signoff = try global.session().signOff(dataset, note: note)
    if json {
      print(JSONText.pretty(signoff))
      return
    }
    print(
      "Signed off \(SafeText.line(dataset)) (sign-off #\(signoff.id ?? 0)). See the checklist: portal publish --check \(SafeText.line(dataset))"
    )
  }
}
