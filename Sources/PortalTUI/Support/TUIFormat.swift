import Foundation

/// How the TUI writes numbers, sizes and dates. Injectable so golden snapshots do not
/// change from run to run (tests pass a fixed clock and UTC).
public struct TUIFormat: Sendable {
  /// "Now", for ages and expiries.
  public var now: @Sendable () -> Date
  /// The zone dates are shown in.
  public var timeZone: TimeZone
  /// When set, every date renders as this text (for goldens over catalogs built "now").
  public var fixedDateText: String?

  /// The real clock in the local zone.
  public init(
    now: @escaping @Sendable () -> Date = { Date() }, timeZone: TimeZone = .current, fixedDateText: String? = nil
  ) {
    self.now = now
    self.timeZone = timeZone
    self.fixedDateText = fixedDateText
  }

  /// `2025-03-14`.
  public func date(_ date: Date?) -> String {
    guard let date else { return "-" }
    if let fixedDateText { return String(fixedDateText.prefix(10)) }
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
  }

  /// `2025-03-14 09:30`.
  public func dateTime(_ date: Date?) -> String {
    guard let date else { return "-" }
    if let fixedDateText { return fixedDateText }
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
      parts.minute ?? 0)
  }

  /// `in 29 days`, `expired`, `never`.
  public func expiry(_ date: Date?) -> String {
    guard let date else { return "never" }
    if fixedDateText != nil { return date > now() ? "in N days" : "expired" }
    let seconds = date.timeIntervalSince(now())
    if seconds <= 0 { return "expired" }
    let days = Int(seconds / 86_400)
    return days >= 1 ? "in \(days) day\(days == 1 ? "" : "s")" : "in \(max(1, Int(seconds / 3600))) h"
  }

  /// `12,345`.
  public func count(_ value: Int) -> String {
    var digits = String(abs(value))
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(digits, at: 0)
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
  }

  /// `4.2 MB` (decimal units, like `ls -h --si` and the CLI).
  public func bytes(_ value: Int64) -> String {
    let units = ["B", "kB", "MB", "GB", "TB"]
    var amount = Double(value)
    var unit = 0
    while amount >= 1000 && unit < units.count - 1 {
      amount /= 1000
      unit += 1
    }
    return unit == 0 ? "\(value) B" : String(format: amount >= 100 ? "%.0f" : "%.1f", amount) + " " + units[unit]
  }

  /// `1:05` or `1:02:03`.
  public func duration(seconds: Double) -> String {
    let total = max(0, Int(seconds.rounded()))
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
    return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
  }

  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }
}
