import ArgumentParser
import Portal
import PortalCore

/// `portal edit DATASET --description … --language fr --licence CC-BY-4.0 …`.
struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit", abstract: "Edit a dataset's description, languages, licence, tags, use rights and contact.",
    discussion: """
      Only the options given change. Languages are BCP-47 tags; the licence is an SPDX id (find one with
      `portal licences SEARCH`) or a custom licence's name with --licence-url.
      Example: portal edit press-fr --description "Articles 2019" --language fr --language fr-CH --licence CC-BY-4.0
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(help: "A description of the dataset.") var description: String?
  @Option(name: .customLong("language"), help: "A BCP-47 language tag (repeat; replaces the list).")
  var languages: [String] = []
  @Option(help: "An SPDX licence id, or a custom licence's name (with --licence-url).") var licence: String?
  @Option(help: "The address of the licence's text.") var licenceUrl: String?
  @Option(name: .customLong("tag"), help: "A tag (repeat; replaces the list — see `portal tag` to add or remove).")
  var tags: [String] = []
  @Option(help: "Who to contact about the dataset.") var contact: String?
  @Option(help: "public, internal, confidential or restricted.") var sensitivity: Sensitivity?
  @Option(help: "May be used to train models: yes or no.") var train: YesNo?
  @Option(help: "May be used to evaluate models: yes or no.") var evaluate: YesNo?
  @Option(help: "Must not be passed on to third parties: yes or no.") var noRedistribution: YesNo?
  @Option(help: "How many days the lab may keep the data (0 for no limit).") var retentionDays: Int?
  @Flag(help: "Print the dataset as JSON afterwards.") var json = false

  func run() throws {
    let session = try global.session()
    var change = MetadataChange(
      description: description, licence: licence, licenceURL: licenceUrl,
      languages: languages.isEmpty ? nil : languages.flatMap { $0.split(separator: ",").map(String.init) },
      tags: tags.isEmpty ? nil : tags.flatMap { $0.split(separator: ",").map(String.init) }, sensitivity: sensitivity,
      contact: contact)
    if train != nil || evaluate != nil || noRedistribution != nil || retentionDays != nil {
      var rights = try session.showDataset(dataset).summary.dataset.useRights
      if let train { rights.train = train.bool }
      if let evaluate { rights.evaluate = evaluate.bool }
      if let noRedistribution { rights.noRedistribution = noRedistribution.bool }
      if let retentionDays { rights.retentionDays = retentionDays == 0 ? nil : retentionDays }
      change.useRights = rights
    }
    guard change != MetadataChange() else {
      throw ValidationError("say what to change, e.g. --description \"…\" --language en --licence CC-BY-4.0")
    }
    let updated = try session.editDataset(dataset, change)
    if json {
      print(JSONText.pretty(updated))
      return
    }
    print("Updated \(SafeText.line(updated.name)) (revision \(updated.revision)).")
  }
}

/// A yes/no option value.
enum YesNo: String, ExpressibleByArgument {
  case yes, no

  var bool: Bool { self == .yes }
}
