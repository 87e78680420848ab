import Foundation
import Portal
import PortalCore
import TerminalKit

/// Dates as the governance dialogs type and show them (UTC days, like the CLI).
enum GovernanceDates {
  private static var utc: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    return calendar
  }

  /// The end of `day` (23:59:59 UTC) — an expiry "until 2027-03-31" includes that day.
  static func endOfDay(_ day: CalendarDate) -> Date? {
    guard let start = utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) else {
      return nil
    }
    return start.addingTimeInterval(86_399)
  }

  /// The UTC day of `date`.
  static func day(of date: Date) -> CalendarDate? {
    let parts = utc.dateComponents([.year, .month, .day], from: date)
    guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
    return CalendarDate(year: year, month: month, day: day)
  }

  /// Calendar days (UTC) from `now` until `date` (0 on the day itself or once past):
  /// a grant "until the 14th" expires in 4 days on the 10th, whatever the hour.
  static func daysLeft(until date: Date, now: Date) -> Int {
    let calendar = utc
    let days = calendar.dateComponents([.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: date))
      .day
    return max(0, days ?? 0)
  }

  /// `expires in 3 days` / `expires today`.
  static func badge(until date: Date, now: Date) -> String {
    let days = daysLeft(until: date, now: now)
    return days <= 0 ? "expires today" : days == 1 ? "expires in 1 day" : "expires in \(days) days"
  }

  /// The date typed in `field` as an expiry, nil when empty; throws the reason when the
  /// text is not a day or the day is past.
  static func expiry(from field: DateField, now: Date) throws -> Date? {
    if field.field.text.isEmpty { return nil }
    if let problem = field.validationMessage { throw PortalError.invalidArgument("expiry: \(problem)") }
    guard let day = field.date, let date = endOfDay(day) else { return nil }
    guard date > now else {
      throw PortalError.invalidArgument("the expiry \(day) is in the past; choose a later day or leave it empty")
    }
    return date
  }
}

/// The error's one-sentence description, as every refusal is shown.
func describe(_ error: any Error) -> String {
  SafeText.line("\(error)")
}

extension App {
  /// Runs a governance write off the UI thread; on success toasts `done(result)` and
  /// refreshes every screen, on failure toasts the reason (or hands it to `failed`).
  func governanceWrite<T: Sendable>(
    _ work: @escaping @Sendable () throws -> T, done: @escaping (T) -> String,
    failed: ((String) -> Void)? = nil
  ) {
    submit({ try work() }) { [weak self] result in
      guard let self else { return }
      switch result {
      case .success(let value):
        self.toast(done(value), kind: .success, seconds: 5)
        self.catalogDidChange()
      case .failure(let error):
        if let failed { failed(describe(error)) } else { self.toast(describe(error), kind: .error, seconds: 10) }
      }
    }
  }
}
