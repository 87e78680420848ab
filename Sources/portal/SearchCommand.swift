import ArgumentParser
import Foundation
import Portal

/// `portal search QUERY`: full-text search over names, descriptions, tags and samples.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "Search dataset names, descriptions, tags and sample text.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Words to find (each matches as a prefix; accents are ignored).") var query: [String]
  @Option(help: "At most this many results.") var limit = 50
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let session = try global.session()
    let hits = try session.search(query.joined(separator: " "), limit: limit)
    let index = try session.contentIndexStatus()
    // Nobody advanced the index for a while (its pass was interrupted): start another.
    if !index.isComplete && !index.isBuilding() { BackgroundIndexer.start(location: global.location) }
    if let notice = index.notice() {
      // On stderr, so --json output stays a plain list for scripts.
      FileHandle.standardError.write(Data((notice + "\n").utf8))
    }
    if json {
      print(JSONText.pretty(hits))
      return
    }
    guard !hits.isEmpty else {
      print("Nothing matches '\(SafeText.line(query.joined(separator: " ")))'.")
      return
    }
    var table = TextTable(["DATASET", "SAMPLE", "MATCH"])
    table.maxColumnWidth = 80
    for hit in hits {
      table.add([hit.datasetSlug, hit.sampleOrdinal.map(String.init) ?? "(metadata)", hit.snippet])
    }
    print(table.render())
  }
}
