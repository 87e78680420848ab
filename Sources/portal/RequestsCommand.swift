import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal requests` (your inbox: pending requests you may decide), `--mine`, or
/// `portal requests DATASET`.
struct RequestsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "requests", abstract: "The access-request inbox, your own requests, or a dataset's requests.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "Only this dataset's requests.") var dataset: String?
  @Flag(help: "The requests you made.") var mine = false
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let session = try global.session()
    let rows: [RequestRow]
    if let dataset {
      rows = try session.accessRequests(dataset: dataset)
    } else if mine {
      rows = try session.accessRequests()
    } else {
      rows = try session.requestInbox()
    }
    if json {
      print(JSONText.pretty(rows))
      return
    }
    guard !rows.isEmpty else {
      print(dataset == nil && !mine ? "Your inbox is empty: no pending requests to decide." : "No requests.")
      return
    }
    var table = TextTable(["ID", "DATASET", "FOR", "PERMISSION", "DAYS", "BY", "ASKED", "STATE", "PURPOSE / REASON"])
    table.maxColumnWidth = 50
    for row in rows {
      let request = row.request
      table.add([
        String(request.id ?? 0), row.datasetSlug, request.principalRef.description, request.permission.rawValue,
        request.durationDays.map(String.init) ?? "open", row.requestedByLogin, GovernanceFormat.day(request.createdAt),
        row.state.rawValue, request.reason ?? request.purpose,
      ])
    }
    print(table.render())
    if dataset == nil && !mine {
      print("\nDecide with: portal approve ID | portal reject ID --reason \"…\"")
    }
  }
}
