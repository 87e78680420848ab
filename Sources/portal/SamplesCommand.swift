import ArgumentParser
import Portal
import PortalCore

/// `portal samples DATASET`: the samples of a version, numbered from 0, a page at a time.
struct SamplesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "samples", abstract: "List a dataset's samples (numbered from 0).",
    discussion: """
      Excerpts are the search index's digest of each sample: the start of its text with
      whitespace collapsed and control characters, escape sequences and bidi controls
      removed, so that they neither act on the terminal nor become search words. To see
      exactly what a sample holds, escapes included (shown as ␛[31m, ␇, <U+202E>), use
      `portal preview DATASET NUMBER`.
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(help: "Start at this sample number.") var from = 0
  @Option(help: "At most this many samples.") var limit = 50
  @Option(help: "A version number (default: the current version).") var version: Int?
  @Flag(help: "Print JSON for scripts.") var json = false

  func validate() throws {
    if from < 0 { throw ValidationError("--from must be 0 or more") }
    if limit < 1 { throw ValidationError("--limit must be at least 1") }
  }

  func run() throws {
    let rows = try global.session().samples(of: dataset, version: version, from: from, limit: limit)
    if json {
      print(JSONText.pretty(rows))
      return
    }
    guard !rows.isEmpty else {
      print(from == 0 ? "This version has no samples." : "No samples from number \(from) on.")
      return
    }
    var table = TextTable(["#", "PATH", "TYPE", "BYTES", "FACTS", "EXCERPT"])
    for row in rows {
      let sample = row.sample
      var location = row.relativePath
      if sample.mediaType.isRecordContainer { location += "@\(sample.offset)" }
      var facts: [String] = []
      if let width = sample.width, let height = sample.height { facts.append("\(width)×\(height)") }
      if let millis = sample.durationMillis { facts.append(String(format: "%.1fs", Double(millis) / 1000)) }
      if let language = sample.language { facts.append(language) }
      table.add([
        String(sample.ordinal), location, sample.mediaType.label, String(sample.length),
        facts.joined(separator: " "), sample.excerpt ?? "",
      ])
    }
    print(table.render())
    if rows.count == limit {
      print("… more: portal samples \(dataset) --from \(from + limit)")
    }
  }
}
