import ArgumentParser
import Foundation
import Portal

/// `portal demo`: builds a realistic partner catalog in a fresh directory and shows it.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo", abstract: "Build a realistic demo catalog in a fresh directory and open it.")

  @Option(help: "Where to build the demo catalog (default: a new temporary directory).", completion: .directory)
  var dir: String?

  @Option(name: .customLong("as"), help: "Act as this demo user (to show what a reviewer sees).")
  var actAs: String?

  @Flag(help: "Mirror the log to standard error.") var verbose = false

  @Flag(
    name: .customLong("print"), help: "Print the catalog's datasets instead of opening the terminal UI (for scripts).")
  var printOnly = false

  @Option(help: "Generate a synthetic catalog of this many datasets instead of the realistic demo (benchmarks).")
  var datasets: Int?

  @Option(help: "With --datasets: how many samples in all (default: 10 per dataset).")
  var samples: Int?

  @OptionGroup var flags: TUIFlags

  @OptionGroup var tour: DemoTourOptions

  func validate() throws {
    try tour.validate(printOnly: printOnly)
  }

  func run() throws {
    PortalLog.setVerbose(verbose)
    let directory: URL
    if let dir {
      directory = URL(fileURLWithPath: dir, isDirectory: true)
      if FileManager.default.fileExists(atPath: directory.appendingPathComponent("catalog.sqlite").path) {
        throw ValidationError("\(dir) already holds a catalog; choose an empty directory or leave out --dir")
      }
    } else {
      let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
      directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "partner-portal-demo-\(stamp)-\(getpid())", isDirectory: true)
    }
    let location = CatalogLocation(directory: directory)
    let interactive = !printOnly && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    let owner: PortalSession
    if let datasets {
      let started = Date()
      owner = try SyntheticCatalog.build(at: location, datasets: datasets, samples: samples ?? datasets * 10)
      FileHandle.standardError.write(
        Data(
          "demo: generated \(datasets) datasets in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n"
            .utf8))
    } else {
      owner = try DemoCatalog.build(at: location) { step in
        if !interactive { FileHandle.standardError.write(Data("demo: \(step)\n".utf8)) }
      }
    }
    let session =
      try actAs.map { try PortalSession.open(location: location, identity: .demo(login: $0)) } ?? owner
    if interactive {
      try TUILauncher.open(
        session: session, launch: tour.apply(to: flags.launch), label: "demo \(location.directory.path)")
      print(
        "The demo catalog stays at \(location.directory.path) (export PORTAL_HOME=\(location.directory.path) to reuse it)."
      )
      return
    }
    if !printOnly {
      FileHandle.standardError.write(
        Data("demo: not a terminal, printing the catalog instead (use --print to say so)\n".utf8))
    }
    let rows = try session.listDatasets(limit: 50)
    print(
      "Demo catalog at \(location.directory.path) — \(try session.countDatasets()) datasets, as \(session.actor.login) (\(session.actor.role.rawValue)):"
    )
    var table = TextTable(["NAME", "MODALITY", "SAMPLES", "VISIBILITY", "SENSITIVITY"])
    for row in rows {
      table.add([
        row.dataset.name, row.dataset.modality?.rawValue ?? "-", String(row.sampleCount),
        row.dataset.visibility.rawValue, row.dataset.sensitivity.rawValue,
      ])
    }
    print(table.render())
    print("\nUse it from the command line with: portal datasets list --catalog \(location.directory.path)")
    print("or: export PORTAL_HOME=\(location.directory.path)")
  }
}
