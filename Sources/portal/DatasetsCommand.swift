import ArgumentParser

/// `portal datasets list|show`.
struct DatasetsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "datasets", abstract: "List datasets or show one.",
    subcommands: [DatasetsList.self, DatasetsShow.self], defaultSubcommand: DatasetsList.self)
}
