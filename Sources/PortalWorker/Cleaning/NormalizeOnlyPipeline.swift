import Foundation

/// The pipeline this branch ships until PortalCleaning's steps are merged: Unicode
/// normalisation only (NFC, line endings to LF, control characters other than tab and
/// newline removed, trailing spaces trimmed, documents left empty dropped). Any other
/// step is refused with a clear message rather than skipped silently.
public struct NormalizeOnlyPipeline: TextCleaningPipeline {
  private var report = CleaningStepReport(step: "normalize")

  /// Creates the pipeline.
  public init() {}

  public mutating func process(_ document: CleaningDocument) -> CleaningDocument? {
    report.itemsIn += 1
    let text = Self.normalize(document.text)
    if text.isEmpty {
      report.removed += 1
      report.dropsByRule["empty_after_normalize", default: 0] += 1
      return nil
    }
    report.itemsOut += 1
    guard text != document.text else { return document }
    report.changed += 1
    if report.examples.count < 3 {
      report.examples.append(.init(id: document.id, label: "changed", snippet: String(text.prefix(120))))
    }
    var output = document
    output.text = text
    return output
  }

  public mutating func finish() throws -> [Int] { [] }
  public func reports() -> [CleaningStepReport] { [report] }
  public var piiFindings: [String: Int]? { nil }
  public func saveState() throws -> Data { try JSONEncoder().encode(report) }
  public mutating func restoreState(_ data: Data) throws {
    report = try JSONDecoder().decode(CleaningStepReport.self, from: data)
  }

  static func normalize(_ text: String) -> String {
    let unified = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    var scalars = String.UnicodeScalarView()
    for scalar in unified.precomposedStringWithCanonicalMapping.unicodeScalars {
      let value = scalar.value
      if value == 0x09 || value == 0x0A || !(value < 0x20 || (0x7F...0x9F).contains(value)) {
        scalars.append(scalar)
      }
    }
    return String(scalars).split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
      .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Makes normalise-only pipelines.
  public struct Factory: TextCleaningPipelineFactory {
    /// Creates the factory.
    public init() {}

    public var availableSteps: [String] { ["normalize"] }

    public func makePipeline(steps: [String], detectOnly: Bool) throws -> any TextCleaningPipeline {
      let missing = steps.filter { $0 != "normalize" } + (detectOnly ? ["pii-scan"] : [])
      guard missing.isEmpty else {
        throw JobFailure(
          "this build of the portal cannot run the step(s) \(missing.joined(separator: ", ")) yet (only normalize is available)",
          retryable: false)
      }
      return NormalizeOnlyPipeline()
    }
  }
}
