/// The `quality` step: a minimum length, then Gopher repetition, then Gopher quality (the
/// order FineWeb runs them), dropping a document with the first rule that fires. Stop
/// words follow the document's language, else the ``languageIdentifier``'s guess, else
/// every known list. Stateless: nothing to checkpoint.
public struct QualityFilterStep: CleaningStep {
  /// `quality`.
  public let name = "quality"
  /// Documents shorter than this many characters are dropped (`min_length`).
  public var minCharacters: Int
  /// Gopher repetition thresholds; `nil` skips the repetition rules.
  public var repetition: GopherRepetitionFilter?
  /// Gopher quality thresholds; `nil` skips the quality rules.
  public var quality: GopherQualityFilter?
  /// Guesses the language when a document has none.
  public var languageIdentifier: LanguageIdentifier?

  /// Creates the step with datatrove's thresholds.
  public init(
    minCharacters: Int = 100, repetition: GopherRepetitionFilter? = GopherRepetitionFilter(),
    quality: GopherQualityFilter? = GopherQualityFilter(), languageIdentifier: LanguageIdentifier? = nil
  ) {
    self.minCharacters = minCharacters
    self.repetition = repetition
    self.quality = quality
    self.languageIdentifier = languageIdentifier
  }

  /// Keeps or drops one document.
  public mutating func process(_ document: Document) -> StepResult {
    if let rule = rule(for: document) { return .drop(document, rule: rule) }
    return .keep(document)
  }

  /// The first rule that fires for `document`, or `nil`.
  public func rule(for document: Document) -> String? {
    var text = document.text
    let language = document.language ?? languageIdentifier?.identify(text).language
    let stopWords =
      Self.stopWordBytes[language.flatMap { $0.split(separator: "-").first.map(String.init) } ?? ""]
      ?? Self.anyStopWordBytes
    return text.withUTF8 { bytes -> String? in
      if GopherRepetitionFilter.scalarCount(bytes[...]) < minCharacters { return "min_length" }
      let tokens = WordTokenizer.tokens(bytes)
      if let rule = repetition?.check(bytes, tokens: tokens) { return rule }
      return quality?.check(bytes, tokens: tokens, stopWords: stopWords)
    }
  }

  private static let stopWordBytes = StopWords.byLanguage.mapValues(StopWords.byteSet)
  private static let anyStopWordBytes = StopWords.byteSet(StopWords.any)
}
