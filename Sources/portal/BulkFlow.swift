import ArgumentParser
import Foundation
import Portal
import PortalCore

#if canImport(Glibc)
  import Glibc
#endif

/// The shared flow of every bulk command: print the preview of every change, then
/// apply all or none — with --yes, or after a "y" on a terminal. Without a terminal
/// and without --yes it prints the plan and exits non-zero saying to add --yes.
struct BulkFlow {
  var yes: Bool
  var skipRefused: Bool
  var json: Bool

  /// Whether standard input and output are a terminal a person can answer on.
  static var interactive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

  /// Shows `plan`, asks, applies. `confirmed` skips the question (a typed
  /// confirmation was already given).
  func run(_ plan: BulkPlan, session: PortalSession, confirmed: Bool = false) throws {
    // With --json, standard output is ONE document: the plan, and what was applied
    // (null when nothing was); the messages go to standard error as always.
    var report = BulkPlanReport(plan)
    defer { if json { print(JSONText.pretty(report)) } }
    if !json { print(Self.render(plan)) }
    let count = skipRefused ? plan.changeCountSkippingRefused : plan.changeCount
    if plan.hasRefusals && !skipRefused {
      Self.say(
        "Nothing was changed: \(plan.items.filter(\.isRefused).count) dataset(s) refused (see above). Fix them, leave them out, or add --skip-refused to apply the rest."
      )
      throw ExitCode(1)
    }
    guard count > 0 else {
      Self.say("Nothing to change.")
      return
    }
    let datasets = plan.items.filter { !(skipRefused && $0.isRefused) && $0.outcomes.contains { $0.kind == .apply } }
    if !yes && !confirmed {
      guard Self.interactive && !json else {
        Self.say(
          "This would make \(count) change(s) to \(datasets.count) dataset(s). Nothing was changed: add --yes to apply."
        )
        throw ExitCode(1)
      }
      guard Self.ask("Apply \(count) change(s) to \(datasets.count) dataset(s)? [y/N] ") == "y" else {
        Self.say("Nothing was changed.")
        throw ExitCode(1)
      }
    }
    let result = try apply(plan, session: session, confirmed: confirmed)
    report.applied = BulkPlanReport.Applied(changes: result.events.count, skipped: result.skipped)
    if !json {
      let skipped = result.skipped.isEmpty ? "" : "; skipped \(result.skipped.joined(separator: ", "))"
      print("Applied \(result.events.count) change(s) to \(datasets.count) dataset(s)\(skipped).")
    }
  }

  /// Applies `plan`. When the person agreed in advance (--yes or a typed confirmation)
  /// and another session changed the same datasets meanwhile, the change is planned
  /// again against the new state and applied if nothing it does is refused — what was
  /// agreed to is the change, not a particular preview. Asked interactively, a stale
  /// plan is reported instead, so the person sees the new preview first.
  private func apply(_ plan: BulkPlan, session: PortalSession, confirmed: Bool) throws -> BulkResult {
    var current = plan
    for attempt in 1... {
      do {
        return try session.applyBulkChange(current, skipRefused: skipRefused)
      } catch let error as PortalError where error.isStalePlan && (yes || confirmed) && attempt < 20 {
        current = try session.planBulkChange(plan.items.map(\.slug), plan.change)
        if current.hasRefusals && !skipRefused { throw error }
      }
    }
    return try session.applyBulkChange(current, skipRefused: skipRefused)
  }

  /// The plan as a table: one row per change per dataset.
  static func render(_ plan: BulkPlan) -> String {
    var table = TextTable(["DATASET", "CHANGE", "BEFORE", "AFTER", "RESULT"])
    table.maxColumnWidth = 60
    for item in plan.items {
      for outcome in item.outcomes {
        let result: String
        switch outcome.kind {
        case .apply: result = "will change"
        case .unchanged: result = "unchanged: \(outcome.reason ?? "")"
        case .refused: result = "REFUSED: \(outcome.reason ?? "")"
        }
        table.add([
          item.slug, outcome.change.summary, outcome.before, outcome.kind == .apply ? outcome.after : "", result,
        ])
      }
    }
    return table.render()
  }

  /// Reads one answer from the terminal, lower-cased and trimmed.
  static func ask(_ prompt: String) -> String {
    FileHandle.standardOutput.write(Data(prompt.utf8))
    return (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
  }

  /// A message for people, on standard error (standard output stays the data).
  static func say(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}

/// Reads the dates the command line accepts: `2027-03-31` (until the end of that day,
/// UTC), a full ISO-8601 time, or `30d` (days from now).
enum DateArgument {
  static func parse(_ text: String, now: Date = Date()) throws -> Date {
    if text.hasSuffix("d"), let days = Int(text.dropLast()), days > 0 {
      return now.addingTimeInterval(Double(days) * 86_400)
    }
    let day = DateFormatter()
    day.locale = Locale(identifier: "en_US_POSIX")
    day.timeZone = TimeZone(identifier: "UTC")
    day.dateFormat = "yyyy-MM-dd"
    if let date = day.date(from: text) { return date.addingTimeInterval(86_399) }
    let full = ISO8601DateFormatter()
    if let date = full.date(from: text) { return date }
    full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    if let date = full.date(from: text) { return date }
    throw ValidationError("'\(text)' is not a date: use 2027-03-31, 2027-03-31T12:00:00Z or 30d")
  }
}

extension Permission: ExpressibleByArgument {}
extension PrincipalKind: ExpressibleByArgument {}
