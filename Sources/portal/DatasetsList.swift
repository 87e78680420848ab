import ArgumentParser
import Portal
import PortalCore

extension Visibility: ExpressibleByArgument {}
extension Modality: ExpressibleByArgument {}
extension Sensitivity: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension DatasetQuery.SortKey: ExpressibleByArgument {}

/// `portal datasets list`: the datasets you may see, filtered and sorted.
struct DatasetsList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the datasets you may see.")

  @OptionGroup var global: GlobalOptions
  @Option(help: "Only this visibility (private, public-pending, public).") var visibility: Visibility?
  @Option(help: "Only this modality (text, image, audio, video, mixed).") var modality: Modality?
  @Option(help: "Only this sensitivity.") var sensitivity: Sensitivity?
  @Option(help: "Only datasets with this tag.") var tag: String?
  @Option(help: "Only datasets owned by this login.") var owner: String?
  @Option(help: "Sort by name, modality, samples, size, visibility, sensitivity, licence, updated or last-job.")
  var sort: DatasetQuery.SortKey = .name
  @Flag(help: "Sort in descending order.") var descending = false
  @Option(help: "At most this many rows.") var limit = 1000
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let session = try global.session()
    let query = DatasetQuery(
      visibility: visibility, modality: modality, sensitivity: sensitivity, tag: tag, owner: owner, sort: sort,
      descending: descending)
    let rows = try session.listDatasets(query, limit: limit)
    if json {
      print(JSONText.pretty(rows))
      return
    }
    guard !rows.isEmpty else {
      print("No datasets to show. Import one with `portal import PATH --name NAME`.")
      return
    }
    var table = TextTable(["NAME", "SLUG", "MODALITY", "SAMPLES", "SIZE", "VISIBILITY", "SENSITIVITY", "LICENCE"])
    for row in rows {
      let dataset = row.dataset
      table.add([
        dataset.name, dataset.slug, dataset.modality?.rawValue ?? "-", String(row.sampleCount),
        ByteCount.format(row.totalBytes), dataset.visibility.rawValue, dataset.sensitivity.rawValue,
        dataset.licence ?? "unspecified",
      ])
    }
    print(table.render())
  }
}
