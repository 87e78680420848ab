import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal audit list|verify`.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit", abstract: "Read and verify the tamper-evident audit log.",
    subcommands: [List.self, Verify.self])

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List audit events, oldest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only events about this dataset.") var dataset: String?
    @Option(help: "Only events by this login.") var actor: String?
    @Option(help: "Only this action (grant.create) or family (grant).") var action: String?
    @Option(help: "Only events since: 2027-03-31, an ISO-8601 time, or 7d (days ago).") var since: String?
    @Option(help: "At most this many (the newest).") var limit = 200
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let start = try since.map { text -> Date in
        if text.hasSuffix("d"), let days = Int(text.dropLast()) {
          return Date().addingTimeInterval(-Double(days) * 86_400)
        }
        return try DateArgument.parse(text).addingTimeInterval(text.count == 10 ? -86_399 : 0)
      }
      let filter = AuditFilter(actor: actor, action: action, since: start, limit: limit)
      let events = try global.session().auditEvents(dataset: dataset, filter: filter)
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
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let result = try global.session().verifyAudit()
      if json {
        print(JSONText.pretty(VerifyReport(result)))
        if result.brokenEventID != nil { throw ExitCode(2) }
        return
      }
      if let broken = result.brokenEventID {
        print("Audit log BROKEN at event \(broken): \(result.reason ?? "")")
        throw ExitCode(2)
      }
      print("Audit log intact: \(result.checked) events, each chained to the one before.")
    }
  }

  /// `audit verify --json`: every key present, null when the chain is intact.
  struct VerifyReport: Encodable {
    var intact: Bool
    var checked: Int
    var brokenEventID: Int64?
    var reason: String?

    init(_ result: AuditVerification) {
      intact = result.brokenEventID == nil
      checked = result.checked
      brokenEventID = result.brokenEventID
      reason = result.reason
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(intact, forKey: .intact)
      try container.encode(checked, forKey: .checked)
      try container.encode(brokenEventID, forKey: .brokenEventID)
      try container.encode(reason, forKey: .reason)
    }

    private enum CodingKeys: String, CodingKey { case intact, checked, brokenEventID, reason }
  }
}
