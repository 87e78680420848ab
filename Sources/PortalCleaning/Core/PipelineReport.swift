import Foundation

/// A whole run's report: `documentsIn == documentsOut + Σ steps.removed`.
public struct PipelineReport: Sendable, Codable, Equatable {
  /// Documents given to the pipeline.
  public var documentsIn: Int
  /// Documents in the new version.
  public var documentsOut: Int
  /// One report per step, streaming steps in order, then near-dedup.
  public var steps: [StepReport]
}

/// Everything a resumed run needs; `Codable` so the worker can store it as JSON.
///
/// Steps that are stateless (normalize, pii, quality, lang) store `nil`. Exact dedup stores
/// its hashes; near-dedup its band keys. Both grow with the corpus (16 and 120 bytes a
/// document before JSON overhead).
public struct PipelineCheckpoint: Sendable, Codable {
  /// Documents processed when the checkpoint was taken.
  public var documentsProcessed: Int
  /// Reports so far.
  public var reports: [StepReport]
  /// Each streaming step's ``CleaningStep/saveState()``.
  public var stepStates: [Data?]
  /// Near-dedup's band keys so far.
  public var nearDedupIndex: NearDuplicateIndex?
  /// Near-dedup's count of documents without words (not indexed).
  public var nearDedupUnsigned = 0
}

/// Settings for ``Pipeline/init(kinds:options:)``.
public struct CleaningOptions: Sendable {
  /// PII types and IP policy.
  public var redactor = PIIRedactor()
  /// Quality thresholds.
  public var quality = QualityFilterStep()
  /// Languages the `lang` step keeps; empty keeps all.
  public var allowedLanguages: Set<String> = []

  /// Creates default options.
  public init() {}
}
