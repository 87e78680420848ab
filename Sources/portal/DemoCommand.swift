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
    let owner = try DemoCatalog.build(at: location) { step in
      FileHandle.standardError.write(Data("demo: \(step)\n".utf8))
    }
    let session =
      try actAs.map { try PortalSession.open(location: location, identity: .demo(login: $0)) } ?? owner
    let rows = try session.listDatasets()
    print(
      "Demo catalog at \(location.directory.path) — \(rows.count) datasets, as \(session.actor.login) (\(session.actor.role.rawValue)):"
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
