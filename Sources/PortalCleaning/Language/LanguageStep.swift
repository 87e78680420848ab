/// The `lang` step: sets each document's language to the identifier's guess (keeping a
/// language already set from metadata unless ``overwrites``), counts languages in the
/// report's findings, and, when ``allowed`` is not empty, drops documents in other
/// languages (`language_not_allowed`) or of unknown language (`language_und`).
/// Stateless: nothing to checkpoint.
public struct LanguageStep: CleaningStep {
  /// `lang`.
  public let name = "lang"
  /// The identifier.
  public var identifier: LanguageIdentifier
  /// Languages to keep; empty keeps all.
  public var allowed: Set<String>
  /// Whether to replace a language set by metadata.
  public var overwrites: Bool

  /// Creates the step.
  public init(identifier: LanguageIdentifier, allowed: Set<String> = [], overwrites: Bool = false) {
    self.identifier = identifier
    self.allowed = allowed
    self.overwrites = overwrites
  }

  /// Identifies one document's language.
  public mutating func process(_ document: Document) -> StepResult {
    var output = document
    if output.language == nil || overwrites { output.language = identifier.identify(document.text).language }
    let language = output.language ?? "und"
    var result = StepResult(document: output, findings: [language: 1])
    if !allowed.isEmpty && !allowed.contains(language) {
      result.decision = .drop(rule: language == "und" ? "language_und" : "language_not_allowed")
    }
    return result
  }
}
