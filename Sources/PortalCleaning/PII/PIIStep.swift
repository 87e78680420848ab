/// The `pii` step: redacts PII, or in ``Mode/detectOnly`` only counts it (a PII scan of a
/// version for the publication checklist). Findings are reported per type (`EMAIL`, …).
/// Stateless: nothing to checkpoint.
public struct PIIStep: CleaningStep {
  /// Redact, or only count.
  public enum Mode: String, Sendable, Codable {
    /// Replace matches with tags.
    case redact
    /// Leave text unchanged; count matches.
    case detectOnly
  }

  /// `pii`, or `pii-scan` in detect-only mode.
  public var name: String { mode == .redact ? "pii" : "pii-scan" }
  /// The mode.
  public var mode: Mode
  /// The redactor (types and IP policy).
  public var redactor: PIIRedactor

  /// Creates the step.
  public init(mode: Mode = .redact, redactor: PIIRedactor = PIIRedactor()) {
    self.mode = mode
    self.redactor = redactor
  }

  /// Redacts or scans one document.
  public mutating func process(_ document: Document) -> StepResult {
    switch mode {
    case .detectOnly:
      var findings: [String: Int] = [:]
      for match in redactor.scan(document.text) { findings[match.type.rawValue, default: 0] += 1 }
      return StepResult(document: document, findings: findings)
    case .redact:
      let redaction = redactor.redact(document.text)
      guard !redaction.counts.isEmpty else { return .keep(document) }
      var output = document
      output.text = redaction.text
      let findings = Dictionary(uniqueKeysWithValues: redaction.counts.map { ($0.key.rawValue, $0.value) })
      return StepResult(document: output, changed: true, findings: findings)
    }
  }
}
