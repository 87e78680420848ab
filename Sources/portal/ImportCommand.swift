import ArgumentParser
import Foundation
import Portal

/// `portal import PATH… --name NAME`: registers files as a new dataset, or
/// `--rescan DATASET` to pick up what changed.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Register files and directories as a dataset, or rescan one.",
    discussion: """
      Files are read in place and never modified. Each file's kind is detected from its bytes;
      JSONL files give one sample per record and CSV/TSV files one per row.
      Examples:
        portal import ~/archive/press-2019 --name "Press archive 2019" --tag press --tag en
        portal import --rescan press-archive-2019
      """)

  @OptionGroup var global: GlobalOptions

  @Argument(help: "Files or directories to import.", completion: .file())
  var paths: [String] = []

  @Option(help: "The dataset's name (its slug is made from it).")
  var name: String?

  @Option(help: "A description of the dataset.")
  var description = ""

  @Option(name: .customLong("tag"), help: "A tag (repeat, or separate with commas).")
  var tags: [String] = []

  @Option(help: "Rescan this dataset (name or slug) instead of creating one.")
  var rescan: String?

  @Flag(help: "Follow symbolic links that point outside the imported directories.")
  var followSymlinks = false

  @Flag(help: "Print the report as JSON.")
  var json = false

  @Flag(help: "Index the samples' text for search before returning, instead of in the background.")
  var indexNow = false

  func validate() throws {
    if rescan == nil && paths.isEmpty {
      throw ValidationError("name the files or directories to import, or use --rescan DATASET")
    }
    if rescan == nil && name == nil { throw ValidationError("a new dataset needs a name: add --name \"…\"") }
    if rescan != nil && !paths.isEmpty {
      throw ValidationError("--rescan re-reads the dataset's own directories; drop the paths")
    }
  }

  func run() throws {
    let session = try ImportTimings.measure("command.open session") { try global.session() }
    let printer = ProgressPrinter()
    var report: ImportReport
    defer { printer.finish() }
    if let rescan {
      report = try session.rescan(
        rescan, followSymlinks: followSymlinks ? true : nil, contentIndex: indexing, progress: printer.update)
    } else {
      let request = ImportRequest(
        paths: paths, name: name ?? "", description: description, tags: tags, followSymlinks: followSymlinks,
        contentIndex: indexing)
      report = try session.importDataset(request, progress: printer.update)
    }
    printer.finish()
    if report.contentIndexPending && report.samples <= Self.indexInForeground {
      // A small import's text is indexed in a fraction of a second: do it now, so search
      // finds it the moment the command returns.
      _ = try session.buildContentIndex(of: report.datasetSlug)
      report.contentIndexPending = !(try session.contentIndexStatus().isComplete)
    }
    if report.contentIndexPending {
      ImportTimings.measure("command.start background pass") { BackgroundIndexer.start(location: global.location) }
    }
    if ImportTimings.enabled { FileHandle.standardError.write(Data((ImportTimings.summary() + "\n").utf8)) }
    if json {
      print(JSONText.pretty(report))
      return
    }
    print(Self.describe(report, rescan: rescan != nil))
  }

  private var indexing: ContentIndexing { indexNow ? .now : .background }

  /// Up to this many samples (about 0.15 s of indexing here), the text is indexed before
  /// the command returns; larger imports return at once and index in the background.
  static let indexInForeground = 50_000

  static func describe(_ report: ImportReport, rescan: Bool) -> String {
    var lines: [String] = []
    let name = SafeText.line(report.datasetName)
    if let version = report.versionNumber {
      let verb = rescan ? "Rescanned" : "Imported"
      lines.append(
        "\(verb) '\(name)' (\(report.datasetSlug)) as version \(version): \(report.samples) samples, \(ByteCount.format(report.bytes)) in \(String(format: "%.1f", report.seconds))s"
      )
    } else {
      lines.append("'\(name)' is unchanged: \(report.samples) samples; no new version made")
    }
    if rescan {
      lines.append(
        "files: \(report.filesAdded) new, \(report.filesChanged) changed, \(report.filesUnchanged) unchanged, \(report.filesVanished) gone"
      )
    }
    if report.contentIndexPending {
      lines.append(
        "Names, description and tags are searchable now; sample text is being indexed in the background (`portal content-index --status` shows progress)."
      )
    }
    if !report.problems.isEmpty {
      lines.append("\(report.problems.count) file(s) skipped:")
      for problem in report.problems.prefix(20) {
        lines.append("  \(SafeText.line(problem.path)): \(SafeText.line(problem.reason))")
      }
      if report.problems.count > 20 { lines.append("  … and \(report.problems.count - 20) more (see --json)") }
    }
    return lines.joined(separator: "\n")
  }
}
