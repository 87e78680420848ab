import ArgumentParser
import Portal

/// `portal remove DATASET --confirm SLUG`: removes a dataset from the catalog, never its files.
struct RemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Remove a private dataset from the catalog (its files stay where they are).")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(help: "The dataset's slug again, to confirm.") var confirm: String = ""
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    try global.session().removeDataset(dataset, confirmation: confirm)
    if json {
      print(JSONText.pretty(["removed": dataset, "files": "untouched"]))
      return
    }
    print(
      "Removed \(SafeText.line(dataset)) from the catalog; its files were not touched. The audit log keeps the record.")
  }
}
