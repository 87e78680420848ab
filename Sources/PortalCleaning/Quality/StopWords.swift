/// Stop-word lists for Gopher's "at least two stop words" rule. English is Gopher's own
/// list; the others are the same kind of very frequent function words, so a French or
/// German document passes as easily as an English one (with the English list every French
/// document fails, cleaning.md).
public enum StopWords {
  /// Lists by primary language subtag.
  public static let byLanguage: [String: Set<String>] = [
    "en": ["the", "be", "to", "of", "and", "that", "have", "with"],
    "fr": ["le", "la", "les", "de", "des", "et", "est", "que", "un", "une", "du", "pour", "dans", "en"],
    "de": ["der", "die", "das", "und", "ist", "zu", "den", "mit", "von", "ein", "eine", "nicht", "sich"],
    "es": ["el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "es", "por", "con"],
    "it": ["il", "la", "di", "che", "e", "è", "un", "una", "per", "del", "della", "non", "con"],
    "pt": ["o", "a", "os", "as", "de", "que", "e", "do", "da", "em", "um", "uma", "para", "com"],
    "nl": ["de", "het", "een", "en", "van", "is", "dat", "op", "te", "met", "voor", "niet"],
  ]

  /// Every list together, for documents whose language is unknown.
  public static let any: Set<String> = byLanguage.values.reduce(into: []) { $0.formUnion($1) }

  /// The list for a BCP-47 tag (`fr`, `fr-CH`), or ``any`` when unknown.
  public static func forLanguage(_ tag: String?) -> Set<String> {
    guard let tag, let primary = tag.split(separator: "-").first else { return any }
    return byLanguage[primary.lowercased()] ?? any
  }

  /// Byte forms for the tokenizer's byte ranges.
  static func byteSet(_ words: Set<String>) -> Set<[UInt8]> { Set(words.map { Array($0.utf8) }) }
}
