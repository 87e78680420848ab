import ArgumentParser
import Foundation
import Portal

/// `portal audit list|verify`.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Read and verify the tamper-evident audit log.",
    subcommands: [List.self, Verify.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List audit events, oldest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only events about this dataset.") var dataset: String?
    @Option(help: "At most this many (the newest).") var limit = 200
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let events = try global.session().auditEvents(dataset: dataset, limit: limit)
      if json {
        print(JSONText.pretty(events))
        return
      }
      var table = TextTable(["#", "TIME", "ACTOR", "ACTION", "TARGET"])
      let formatter = ISO8601DateFormatter()
      for event in events {
        table.add([
          String(event.id ?? 0), formatter.string(from: event.at), event.actor, event.action,
          "\(event.targetKind) \(event.targetID)",
        ])
      }
      print(table.render())
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the hash chain; name the first broken event.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
      let result = try global.session().verifyAudit()
      if let broken = result.brokenEventID {
        print("Audit log BROKEN at event \(broken): \(result.reason ?? "")")
        throw ExitCode(2)
      }
      print("Audit log intact: \(result.checked) events, each chained to the one before.")
    }
  }
}
