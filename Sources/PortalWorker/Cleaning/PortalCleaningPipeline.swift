import Foundation
import PortalCleaning

/// PortalCleaning's `Pipeline` behind the job framework's `TextCleaningPipeline`: the
/// steps a user picks with `--steps` (normalize, pii, dedup, near-dedup, quality, lang),
/// or a detect-only PII scan for `scan` jobs. Checkpoints are the pipeline's own
/// `PipelineCheckpoint` as JSON.
public struct PortalCleaningPipeline: TextCleaningPipeline {
  private var pipeline: Pipeline
  private var finalReports: [StepReport]?
  private let piiSteps: Set<String>

  /// Creates a pipeline running `kinds` in order.
  public init(kinds: [StepKind], options: CleaningOptions = CleaningOptions()) throws {
    do {
      pipeline = try Pipeline(kinds: kinds, options: options)
    } catch {
      throw JobFailure("cannot set up the cleaning steps: \(error)", retryable: false)
    }
    piiSteps = Set(kinds.filter { $0 == .pii || $0 == .piiScan }.map { $0 == .pii ? "pii" : "pii-scan" })
  }

  public mutating func process(_ document: CleaningDocument) -> CleaningDocument? {
    pipeline.process(Document(id: document.id, text: document.text, language: document.language)).map {
      CleaningDocument(id: $0.id, text: $0.text, language: $0.language)
    }
  }

  public mutating func finish() throws -> [Int] {
    let outcome = pipeline.finish()
    finalReports = outcome.report.steps
    return outcome.idsToDrop.sorted()
  }

  public func reports() -> [CleaningStepReport] {
    (finalReports ?? pipeline.reports).map { report in
      CleaningStepReport(
        step: report.step, itemsIn: report.itemsIn, itemsOut: report.itemsOut, changed: report.changed,
        removed: report.removed, dropsByRule: report.dropsByRule, findings: report.findings,
        examples: report.examples.map { .init(id: $0.id, label: $0.label, snippet: $0.snippet) },
        clusters: report.duplicateGroups.map { .init(kept: $0.kept, removed: $0.removed) })
    }
  }

  public mutating func addLateExamples(step: String, label: String, documents: [(id: Int, text: String)]) {
    guard var reports = finalReports, let index = reports.firstIndex(where: { $0.step == step }) else { return }
    for document in documents { reports[index].addExample(id: document.id, label: label, text: document.text) }
    finalReports = reports
  }

  public var piiFindings: [String: Int]? {
    guard !piiSteps.isEmpty else { return nil }
    var counts: [String: Int] = [:]
    for report in pipeline.reports where piiSteps.contains(report.step) {
      counts.merge(report.findings, uniquingKeysWith: +)
    }
    return counts
  }

  public func saveState() throws -> Data { try JSONEncoder().encode(pipeline.checkpoint()) }

  public mutating func restoreState(_ data: Data) throws {
    try pipeline.restore(from: JSONDecoder().decode(PipelineCheckpoint.self, from: data))
  }

  /// Makes PortalCleaning pipelines.
  public struct Factory: TextCleaningPipelineFactory {
    /// Creates the factory.
    public init() {}

    public var availableSteps: [String] { StepKind.allCases.filter { $0 != .piiScan }.map(\.rawValue) }

    public func makePipeline(steps: [String], detectOnly: Bool) throws -> any TextCleaningPipeline {
      try makePipeline(steps: steps, detectOnly: detectOnly, minLength: nil)
    }

    public func makePipeline(steps: [String], detectOnly: Bool, minLength: Int?) throws -> any TextCleaningPipeline {
      if detectOnly { return try PortalCleaningPipeline(kinds: [.piiScan]) }
      var options = CleaningOptions()
      if let minLength { options.quality.minCharacters = max(0, minLength) }
      do {
        return try PortalCleaningPipeline(
          kinds: try StepKind.parse(steps.joined(separator: ",")), options: options)
      } catch let error as CleaningError {
        throw JobFailure(error.description, retryable: false)
      }
    }
  }
}
