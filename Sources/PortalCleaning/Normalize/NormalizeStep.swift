/// The `normalize` step: applies ``TextNormalizer`` and drops documents left empty.
/// Stateless: nothing to checkpoint.
public struct NormalizeStep: CleaningStep {
  /// `normalize`.
  public let name = "normalize"
  /// The normaliser.
  public var normalizer: TextNormalizer

  /// Creates the step.
  public init(normalizer: TextNormalizer = TextNormalizer()) { self.normalizer = normalizer }

  /// Normalises one document.
  public mutating func process(_ document: Document) -> StepResult {
    let text = normalizer.normalize(document.text)
    if text.isEmpty { return .drop(document, rule: "empty_after_normalize") }
    guard text != document.text else { return .keep(document) }
    var output = document
    output.text = text
    return StepResult(document: output, changed: true)
  }
}
