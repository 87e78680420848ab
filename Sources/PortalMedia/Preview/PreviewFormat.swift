import Foundation

/// How preview facts format numbers: sizes, durations, rates, levels.
public enum PreviewFormat {
  /// "512 B", "41.2 KB", "1.0 GB".
  public static func bytes(_ count: Int64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(count)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
  }

  /// "0:42.3", "1:02:03".
  public static func duration(_ seconds: Double) -> String {
    let total = max(0, seconds)
    let hours = Int(total) / 3600
    let minutes = Int(total) / 60 % 60
    let rest = total - Double(hours * 3600 + minutes * 60)
    return hours > 0
      ? String(format: "%d:%02d:%02d", hours, minutes, Int(rest)) : String(format: "%d:%04.1f", minutes, rest)
  }

  /// "44.1 kHz", "8 kHz".
  public static func rate(_ hertz: Int) -> String {
    hertz % 1000 == 0 ? "\(hertz / 1000) kHz" : String(format: "%.1f kHz", Double(hertz) / 1000)
  }

  /// A level 0…1 in dBFS ("-6.0 dBFS", "-∞ dBFS").
  public static func decibels(_ level: Float) -> String {
    level <= 0 ? "-∞ dBFS" : String(format: "%.1f dBFS", 20 * log10(Double(level)))
  }

  /// "29.97", "25".
  public static func decimal(_ value: Double) -> String {
    value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
  }

  /// "3,402", "9.8M".
  public static func count(_ value: Int) -> String {
    if value >= 10_000_000 { return String(format: "%.1fM", Double(value) / 1_000_000) }
    let digits = String(value)
    var out = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(character)
    }
    return out
  }
}
