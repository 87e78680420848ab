import ArgumentParser
import Portal
import PortalCore

/// `portal request DATASET --permission P --purpose "…" [--days N] [--for lab:TEAM]`.
struct RequestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "request", abstract: "Ask a dataset's owners for a permission, with a purpose and a duration.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(help: "discover, preview, download, train, evaluate or manage.") var permission: Permission
  @Option(help: "What the access is for.") var purpose: String
  @Option(help: "For how many days (leave out for open-ended).") var days: Int?
  @Option(name: .customLong("for"), help: "Ask for a team you belong to: group:NAME or lab:TEAM.") var principal:
    String?
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let who = try principal.map { text -> PrincipalRef in
      guard let parsed = PrincipalRef.parse(text) else {
        throw ValidationError("'\(text)' is not a principal: use group:NAME or lab:TEAM")
      }
      return parsed
    }
    let request = try global.session().requestAccess(
      dataset, permission: permission, purpose: purpose, durationDays: days, for: who)
    if json {
      print(JSONText.pretty(request))
      return
    }
    print(
      "Request #\(request.id ?? 0) sent: \(request.permission.rawValue) on \(SafeText.line(dataset)) for \(request.principalRef). Its owners see it in `portal requests`; withdraw it with `portal withdraw \(request.id ?? 0)`."
    )
  }
}
