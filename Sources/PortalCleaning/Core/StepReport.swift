/// What one step did over a run: counts that add up (`itemsIn == itemsOut + removed`),
/// drops per rule, findings per type, and a few examples for a human to check.
public struct StepReport: Sendable, Codable, Equatable {
  /// One example for the report. Snippets are redacted before they are stored, so a
  /// report never carries PII even when the PII step did not run.
  public struct Example: Sendable, Codable, Equatable {
    /// The document's id.
    public var id: Int
    /// The rule that fired, or the finding (`EMAIL`, `changed`, …).
    public var label: String
    /// At most ``StepReport/snippetLength`` characters of redacted text.
    public var snippet: String
  }

  /// Documents grouped as duplicates: the one kept and those removed.
  public struct DuplicateGroup: Sendable, Codable, Equatable {
    /// The id kept (the first seen, or the lowest id of a near-duplicate cluster).
    public var kept: Int
    /// The ids removed as its duplicates.
    public var removed: [Int]

    /// Creates a group.
    public init(kept: Int, removed: [Int]) {
      self.kept = kept
      self.removed = removed
    }
  }

  /// How many examples of each label are kept.
  public static let examplesPerLabel = 3
  /// How many duplicate groups are listed (all are counted).
  public static let maxGroups = 50
  /// Maximum snippet length in characters.
  public static let snippetLength = 120

  /// The step's name.
  public var step: String
  /// Documents the step received.
  public var itemsIn = 0
  /// Documents the step passed on.
  public var itemsOut = 0
  /// Documents kept with changed text.
  public var changed = 0
  /// Documents dropped.
  public var removed = 0
  /// Drops per rule name.
  public var dropsByRule: [String: Int] = [:]
  /// Findings per label (PII types for the PII step, languages for the language step).
  public var findings: [String: Int] = [:]
  /// A few examples per label.
  public var examples: [Example] = []
  /// Duplicate groups, at most ``maxGroups``; `findings["duplicate_groups"]` counts them all.
  public var duplicateGroups: [DuplicateGroup] = []

  /// Creates an empty report for `step`.
  public init(step: String) { self.step = step }

  /// Accounts for one document's result.
  public mutating func record(_ result: StepResult) {
    itemsIn += 1
    for (label, count) in result.findings { findings[label, default: 0] += count }
    switch result.decision {
    case .keep:
      itemsOut += 1
      if result.changed {
        changed += 1
        let label = result.findings.keys.sorted().first ?? "changed"
        addExample(id: result.document.id, label: label, text: result.document.text)
      }
    case .drop(let rule):
      removed += 1
      dropsByRule[rule, default: 0] += 1
      addExample(id: result.document.id, label: rule, text: result.document.text)
      if let original = result.duplicateOf { addDuplicate(kept: original, removed: result.document.id) }
    }
  }

  /// Accounts for documents removed after the stream (near-dedup's second phase): they had
  /// been counted as passed on, so they move from `itemsOut` to `removed`.
  public mutating func recordLateDrops(_ groups: [DuplicateGroup], rule: String) {
    for group in groups {
      itemsOut -= group.removed.count
      removed += group.removed.count
      dropsByRule[rule, default: 0] += group.removed.count
      findings["duplicate_groups", default: 0] += 1
      if duplicateGroups.count < Self.maxGroups { duplicateGroups.append(group) }
    }
  }

  /// Adds another report of the same step (another shard, or the part before a restart).
  public mutating func merge(_ other: StepReport) {
    itemsIn += other.itemsIn
    itemsOut += other.itemsOut
    changed += other.changed
    removed += other.removed
    dropsByRule.merge(other.dropsByRule, uniquingKeysWith: +)
    findings.merge(other.findings, uniquingKeysWith: +)
    for example in other.examples where countExamples(example.label) < Self.examplesPerLabel {
      examples.append(example)
    }
    duplicateGroups.append(contentsOf: other.duplicateGroups.prefix(Self.maxGroups - duplicateGroups.count))
  }

  // MARK: - Private

  private func countExamples(_ label: String) -> Int { examples.reduce(0) { $0 + ($1.label == label ? 1 : 0) } }

  /// Adds an example (redacted, then cut to ``snippetLength``) unless `label` has
  /// ``examplesPerLabel`` already: for documents known only after the stream (near-dedup).
  public mutating func addExample(id: Int, label: String, text: String) {
    guard countExamples(label) < Self.examplesPerLabel else { return }
    // Redact before truncating so a cut never leaves half an address behind.
    let prefix = String(text.prefix(Self.snippetLength * 2))
    let redacted = PIIRedactor().redact(prefix).text
    let snippet = String(redacted.prefix(Self.snippetLength)).replacingOccurrences(of: "\n", with: " ")
    examples.append(Example(id: id, label: label, snippet: snippet))
  }

  private mutating func addDuplicate(kept: Int, removed id: Int) {
    if let index = duplicateGroups.firstIndex(where: { $0.kept == kept }) {
      duplicateGroups[index].removed.append(id)
      return
    }
    if duplicateGroups.count < Self.maxGroups { duplicateGroups.append(DuplicateGroup(kept: kept, removed: [id])) }
  }
}
