import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal grants DATASET` (who holds what, expiring ones marked) or
/// `portal grants --expiring` (every grant you can see that ends within 14 days).
struct GrantsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "grants", abstract: "List a dataset's grants, or the grants expiring within 14 days.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String?
  @Flag(help: "Only grants expiring within 14 days, on every dataset you may see.") var expiring = false
  @Flag(help: "Include expired and revoked grants.") var all = false
  @Flag(help: "Print JSON for scripts.") var json = false

  func validate() throws {
    if dataset == nil && !expiring { throw ValidationError("name a dataset, or use --expiring") }
  }

  func run() throws {
    let session = try global.session()
    var rows = dataset == nil ? try session.expiringGrants() : try session.grants(on: dataset ?? "")
    if expiring { rows = rows.filter(\.expiringSoon) }
    if !all { rows = rows.filter { $0.status == .active } }
    if json {
      print(JSONText.pretty(rows))
      return
    }
    guard !rows.isEmpty else {
      print(expiring ? "No grants expire within 14 days." : "No active grants (add --all to see past ones).")
      return
    }
    var table = TextTable(["ID", "DATASET", "PRINCIPAL", "PERMISSION", "EXPIRES", "STATUS", "GRANTED BY"])
    for row in rows {
      let expires = row.grant.expiresAt.map(GovernanceFormat.minute) ?? "never"
      let status = row.expiringSoon ? "EXPIRING SOON" : row.status.rawValue
      table.add([
        String(row.grant.id ?? 0), row.datasetSlug, row.grant.principalRef.description, row.grant.permission.rawValue,
        expires, status, "\(row.grantedByLogin) \(GovernanceFormat.day(row.grant.grantedAt))",
      ])
    }
    print(table.render())
    let soon = rows.filter(\.expiringSoon).count
    if soon > 0 {
      print("\n\(soon) grant(s) expire within 14 days: renew with portal grant … --expires, or let them lapse.")
    }
  }
}
