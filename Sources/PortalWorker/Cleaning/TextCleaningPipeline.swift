import Foundation

/// One document as the `clean` and `scan` jobs hand it to a pipeline: the input
/// sample's ordinal as its id, its text, and its language when known.
public struct CleaningDocument: Sendable, Codable, Equatable {
  public var id: Int
  public var text: String
  public var language: String?

  /// Creates a document.
  public init(id: Int, text: String, language: String? = nil) {
    self.id = id
    self.text = text
    self.language = language
  }
}

/// What one step did over the run (the report's per-step table).
public struct CleaningStepReport: Sendable, Codable, Equatable {
  /// Duplicates found together: the document kept and those removed (ids are input
  /// sample ordinals).
  public struct Cluster: Sendable, Codable, Equatable {
    /// The ordinal kept.
    public var kept: Int
    /// The ordinals removed as its duplicates.
    public var removed: [Int]

    /// Creates a cluster.
    public init(kept: Int, removed: [Int]) {
      self.kept = kept
      self.removed = removed
    }
  }

  /// A few documents a person can check.
  public struct Example: Sendable, Codable, Equatable {
    public var id: Int
    public var label: String
    /// Already redacted and cut short by the pipeline.
    public var snippet: String

    /// Creates an example.
    public init(id: Int, label: String, snippet: String) {
      self.id = id
      self.label = label
      self.snippet = snippet
    }
  }

  public var step: String
  public var itemsIn: Int
  public var itemsOut: Int
  public var changed: Int
  public var removed: Int
  /// Drops per rule name.
  public var dropsByRule: [String: Int]
  /// Counts per finding label (PII types, languages).
  public var findings: [String: Int]
  public var examples: [Example]
  /// Duplicate clusters of a dedup step (the first 50; `findings["duplicate_groups"]`
  /// counts them all).
  public var clusters: [Cluster]

  /// Creates a step report.
  public init(
    step: String, itemsIn: Int = 0, itemsOut: Int = 0, changed: Int = 0, removed: Int = 0,
    dropsByRule: [String: Int] = [:], findings: [String: Int] = [:], examples: [Example] = [],
    clusters: [Cluster] = []
  ) {
    self.clusters = clusters
    self.step = step
    self.itemsIn = itemsIn
    self.itemsOut = itemsOut
    self.changed = changed
    self.removed = removed
    self.dropsByRule = dropsByRule
    self.findings = findings
    self.examples = examples
  }

  enum CodingKeys: String, CodingKey {
    case step
    case itemsIn = "items_in"
    case itemsOut = "items_out"
    case changed, removed
    case dropsByRule = "drops_by_rule"
    case findings, examples, clusters
  }
}

/// The seam between the job framework and the text-cleaning steps (PortalCleaning's
/// `Pipeline`). The `clean` job streams documents through `process` in input order,
/// checkpointing `saveState()` with each chunk of output; after the stream `finish()`
/// names documents to drop late (near-duplicates found once all are seen).
public protocol TextCleaningPipeline: Sendable {
  /// Processes one document: the (possibly changed) document, or nil when dropped.
  mutating func process(_ document: CleaningDocument) -> CleaningDocument?
  /// Ends the stream; returns the ids of documents already passed on that must go.
  mutating func finish() throws -> [Int]
  /// Per step, in order.
  func reports() -> [CleaningStepReport]
  /// Findings per PII type when a PII step (redacting or detect-only) ran, else nil.
  var piiFindings: [String: Int]? { get }
  /// The state a resumed run needs (dedup hashes, report counters).
  func saveState() throws -> Data
  /// Restores what `saveState()` wrote.
  mutating func restoreState(_ data: Data) throws
  /// After `finish()`: adds examples of documents found only then (near-duplicates),
  /// with their text, to `step`'s report.
  mutating func addLateExamples(step: String, label: String, documents: [(id: Int, text: String)])
}

extension TextCleaningPipeline {
  /// Pipelines without late steps keep no late examples.
  public mutating func addLateExamples(step: String, label: String, documents: [(id: Int, text: String)]) {}
}

/// Makes pipelines from the step names a user chose (`--steps normalize,pii,dedup`).
public protocol TextCleaningPipelineFactory: Sendable {
  /// The step names this build offers, in their canonical order.
  var availableSteps: [String] { get }
  /// A pipeline running `steps` in order; `detectOnly` for a `scan` job (PII counted, text kept).
  func makePipeline(steps: [String], detectOnly: Bool) throws -> any TextCleaningPipeline
  /// The same with the quality step's minimum length in characters (nil: its default).
  func makePipeline(steps: [String], detectOnly: Bool, minLength: Int?) throws -> any TextCleaningPipeline
}

extension TextCleaningPipelineFactory {
  /// Factories without a quality step ignore the minimum length.
  public func makePipeline(steps: [String], detectOnly: Bool, minLength: Int?) throws -> any TextCleaningPipeline {
    try makePipeline(steps: steps, detectOnly: detectOnly)
  }
}
