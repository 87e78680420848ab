import Foundation

/// Runs cleaning steps in order over a stream of documents and merges their reports.
///
/// How a job runner drives it:
/// 1. `var pipeline = try Pipeline(kinds: StepKind.parse("normalize,pii,dedup,near-dedup"))`
/// 2. For each document, `pipeline.process(document)` returns the cleaned document, or
///    `nil` when a step dropped it. Write survivors to a temporary version.
/// 3. Every N documents, store `pipeline.checkpoint()` together with the output's length;
///    after a crash, truncate the output to that length, `restore(from:)` and continue
///    from document `checkpoint.documentsProcessed`.
/// 4. At the end, `pipeline.finish()` runs near-dedup's second phase: drop
///    `idsToDrop` while publishing the temporary version, and store `report`.
public struct Pipeline: Sendable {
  /// What ``finish()`` returns.
  public struct Outcome: Sendable {
    /// Ids that near-dedup removes from the documents ``process(_:)`` passed on.
    public var idsToDrop: Set<Int>
    /// The whole run's report.
    public var report: PipelineReport
  }

  /// The streaming steps, in order.
  public private(set) var steps: [any CleaningStep]
  /// The corpus-wide near-dedup step, run after the streaming steps; `nil` when not selected.
  public private(set) var nearDedup: NearDedup?
  /// One report per streaming step, in order.
  public private(set) var reports: [StepReport]
  /// Documents given to ``process(_:)`` so far (including those before a restore).
  public private(set) var documentsProcessed = 0

  /// Creates a pipeline from steps; near-dedup, if any, runs after them.
  public init(steps: [any CleaningStep], nearDedup: NearDedup? = nil) {
    self.steps = steps
    self.nearDedup = nearDedup
    self.reports = steps.map { StepReport(step: $0.name) }
  }

  /// Creates a pipeline from `--steps` names with default settings.
  public init(kinds: [StepKind], options: CleaningOptions = CleaningOptions()) throws {
    var steps: [any CleaningStep] = []
    var nearDedup: NearDedup?
    let identifier = kinds.contains(.lang) || kinds.contains(.quality) ? try LanguageIdentifier() : nil
    for kind in kinds {
      switch kind {
      case .normalize: steps.append(NormalizeStep())
      case .pii: steps.append(PIIStep(mode: .redact, redactor: options.redactor))
      case .piiScan: steps.append(PIIStep(mode: .detectOnly, redactor: options.redactor))
      case .dedup: steps.append(ExactDedupStep(normalizesBeforeHashing: !kinds.contains(.normalize)))
      case .nearDedup: nearDedup = NearDedup()
      case .quality:
        var step = options.quality
        step.languageIdentifier = step.languageIdentifier ?? identifier
        steps.append(step)
      case .lang:
        if let identifier { steps.append(LanguageStep(identifier: identifier, allowed: options.allowedLanguages)) }
      }
    }
    self.init(steps: steps, nearDedup: nearDedup)
  }

  /// Runs the streaming steps over one document; `nil` when a step dropped it.
  public mutating func process(_ document: Document) -> Document? {
    documentsProcessed += 1
    var current = document
    for index in steps.indices {
      let result = steps[index].process(current)
      reports[index].record(result)
      if case .drop = result.decision { return nil }
      current = result.document
    }
    nearDedup?.add(current)
    return current
  }

  /// Ends the run: near-dedup's clusters, and the merged report.
  public func finish() -> Outcome {
    var stepReports = reports
    var idsToDrop: Set<Int> = []
    if let nearDedup {
      let (clusters, report) = nearDedup.finish()
      idsToDrop = Set(clusters.flatMap(\.removed))
      stepReports.append(report)
    }
    let removed = stepReports.reduce(0) { $0 + $1.removed }
    return Outcome(
      idsToDrop: idsToDrop,
      report: PipelineReport(
        documentsIn: documentsProcessed, documentsOut: documentsProcessed - removed, steps: stepReports))
  }

  /// The state needed to resume: counts, reports, each step's state, near-dedup's index.
  public func checkpoint() throws -> PipelineCheckpoint {
    PipelineCheckpoint(
      documentsProcessed: documentsProcessed, reports: reports, stepStates: try steps.map { try $0.saveState() },
      nearDedupIndex: nearDedup?.index, nearDedupUnsigned: nearDedup?.unsigned ?? 0)
  }

  /// Restores a checkpoint taken from a pipeline with the same steps.
  public mutating func restore(from checkpoint: PipelineCheckpoint) throws {
    guard checkpoint.stepStates.count == steps.count, checkpoint.reports.map(\.step) == steps.map(\.name) else {
      throw CleaningError.unreadableCheckpoint(step: "pipeline", reason: "it was taken with other steps")
    }
    for (index, state) in checkpoint.stepStates.enumerated() {
      if let state { try steps[index].restoreState(state) }
    }
    reports = checkpoint.reports
    documentsProcessed = checkpoint.documentsProcessed
    if let index = checkpoint.nearDedupIndex {
      nearDedup?.index = index
      nearDedup?.unsigned = checkpoint.nearDedupUnsigned
    }
  }
}
