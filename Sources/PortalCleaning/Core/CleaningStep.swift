import Foundation

/// A streaming transform over documents: it sees each document once, in order, and keeps
/// it (possibly changed) or drops it with the name of the rule that fired.
///
/// Steps may hold state across documents (exact dedup remembers hashes). A step whose
/// state matters for a resumed run implements ``saveState()`` and ``restoreState(_:)``;
/// stateless steps inherit the defaults, which save nothing.
public protocol CleaningStep: Sendable {
  /// The step's name as the user selects it (`normalize`, `pii`, `dedup`, …) and as it
  /// appears in the report.
  var name: String { get }

  /// Processes one document.
  mutating func process(_ document: Document) -> StepResult

  /// Serialises the state needed to resume after a crash; `nil` when the step is stateless.
  func saveState() throws -> Data?

  /// Restores state written by ``saveState()``.
  mutating func restoreState(_ data: Data) throws
}

extension CleaningStep {
  /// Stateless steps save nothing.
  public func saveState() throws -> Data? { nil }

  /// Stateless steps have nothing to restore.
  public mutating func restoreState(_ data: Data) throws {}
}

/// What a step decided about one document.
public struct StepResult: Sendable {
  /// Keep or drop.
  public enum Decision: Sendable, Equatable {
    /// The document continues down the pipeline.
    case keep
    /// The document is removed; `rule` names the rule that fired (`gopher_short_doc`, …).
    case drop(rule: String)
  }

  /// The document after the step (unchanged when the step only inspects it).
  public var document: Document
  /// Keep or drop.
  public var decision: Decision
  /// Whether the step changed the text.
  public var changed: Bool
  /// Counts of things found, keyed by a short label (PII types: `EMAIL`, `PHONE`, …).
  public var findings: [String: Int]
  /// For dedup drops: the id of the document this one duplicates.
  public var duplicateOf: Int?

  /// Creates a result.
  public init(
    document: Document, decision: Decision = .keep, changed: Bool = false,
    findings: [String: Int] = [:], duplicateOf: Int? = nil
  ) {
    self.document = document
    self.decision = decision
    self.changed = changed
    self.findings = findings
    self.duplicateOf = duplicateOf
  }

  /// Keeps the document unchanged.
  public static func keep(_ document: Document) -> StepResult { StepResult(document: document) }

  /// Drops the document because `rule` fired.
  public static func drop(_ document: Document, rule: String) -> StepResult {
    StepResult(document: document, decision: .drop(rule: rule))
  }
}
