/// BCP-47 language tags in the shape the catalog accepts: a 2–3 letter language,
/// then optional script (4 letters) and region (2 letters or 3 digits) subtags.
public enum LanguageTag {
  /// Whether `tag` is well formed ("en", "fr-CH", "zh-Hant-TW").
  public static func isWellFormed(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(\.isASCIILetter) else {
      return false
    }
    for part in parts.dropFirst() {
      let letters = part.allSatisfy(\.isASCIILetter)
      let digits = part.allSatisfy(\.isASCIIDigit)
      let ok =
        (part.count == 4 && letters) || (part.count == 2 && letters) || (part.count == 3 && digits)
        || ((5...8).contains(part.count) && part.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit })
        || (part.count == 4 && part.first?.isASCIIDigit == true
          && part.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit })
      if !ok { return false }
    }
    return true
  }

  /// The conventional casing: language lower, script title, region upper ("fr-CH").
  public static func canonical(_ tag: String) -> String {
    tag.split(separator: "-").enumerated().map { index, part in
      if index == 0 { return part.lowercased() }
      if part.count == 4 { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
      if part.count == 2 { return part.uppercased() }
      return part.lowercased()
    }.joined(separator: "-")
  }
}

extension Character {
  fileprivate var isASCIILetter: Bool { isASCII && isLetter }
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
