import Foundation

/// Turns a dataset name into a slug: lower-case ASCII letters, digits and single
/// hyphens. A slug can never be a path (`..`, `/`) because only those characters survive.
public enum Slug {
  /// The slug for `name`, or nil when nothing usable is left ("!!!").
  public static func make(from name: String) -> String? {
    var out = ""
    var pendingHyphen = false
    for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
      let value = scalar.value
      let isDigit = value >= 0x30 && value <= 0x39
      let isUpper = value >= 0x41 && value <= 0x5A
      let isLower = value >= 0x61 && value <= 0x7A
      if isDigit || isLower || isUpper {
        if pendingHyphen && !out.isEmpty { out.append("-") }
        pendingHyphen = false
        out.unicodeScalars.append(isUpper ? Unicode.Scalar(value + 0x20) ?? scalar : scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue  // accents fall away: "Société" → "societe"
      } else {
        pendingHyphen = true
      }
      if out.utf8.count >= 64 { break }
    }
    return out.isEmpty ? nil : out
  }

  /// Whether `text` is already a valid slug.
  public static func isValid(_ text: String) -> Bool {
    !text.isEmpty && make(from: text) == text
  }
}
