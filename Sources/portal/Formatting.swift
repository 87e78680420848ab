import Foundation

/// Human sizes: 1.2 MB (decimal units, as file managers show them).
enum ByteCount {
  static func format(_ bytes: Int64) -> String {
    let units = ["B", "kB", "MB", "GB", "TB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1000 && unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    let number = String(format: value < 10 ? "%.1f" : "%.0f", value)
    return unit == 0 ? "\(bytes) B" : "\(number) \(units[unit])"
  }
}

/// Human durations: 42s, 3m05s, 1h02m.
enum Duration {
  static func format(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return String(format: "%dm%02ds", total / 60, total % 60) }
    return String(format: "%dh%02dm", total / 3600, (total % 3600) / 60)
  }
}
