import Foundation
import PortalCore
import PortalStore

/// Parameters of `clean` and `scan` jobs.
public struct CleanParameters: Codable, Sendable, Equatable {
  /// Step names in order (`normalize`, `pii`, `dedup`, `near-dedup`, `quality`, `lang`).
  public var steps: [String]
  /// Input documents per checkpoint.
  public var checkpointEvery: Int?
  /// The quality step's minimum length in characters (its default when nil).
  public var minLength: Int?

  /// Creates parameters.
  public init(steps: [String], checkpointEvery: Int? = nil, minLength: Int? = nil) {
    self.steps = steps
    self.checkpointEvery = checkpointEvery
    self.minLength = minLength
  }

  enum CodingKeys: String, CodingKey {
    case steps
    case checkpointEvery = "checkpoint_every"
    case minLength = "min_length"
  }
}

/// `clean` (a new text version through the chosen steps) and `scan` (PII counted, no
/// new version). Both record a PII scan for the publication checklist when a PII step ran.
struct CleanJobHandler: JobHandler {
  let factory: any TextCleaningPipelineFactory
  let detectOnly: Bool

  func run(_ context: JobContext) throws -> JobResult {
    let parameters = try context.parameters(CleanParameters.self)
    let pipeline = try factory.makePipeline(
      steps: parameters.steps, detectOnly: detectOnly, minLength: parameters.minLength)
    var processor = CleanProcessor(
      pipeline: pipeline, makesVersion: !detectOnly, chunkSize: max(1, parameters.checkpointEvery ?? 500))
    var result = try SampleJobDriver.run(&processor, context: context)
    result.setsLanguages = !detectOnly && parameters.steps.contains("lang")
    return result
  }
}

struct CleanProcessor: SampleProcessor {
  struct State: Codable, Sendable {
    var pipeline = Data()
    var report = MediaJobReport(engine: "", step: "read")
  }

  var pipeline: any TextCleaningPipeline
  let makesVersion: Bool
  let chunkSize: Int
  private var reading = MediaJobReport(engine: "", step: "read")
  private var restoreFailure: String?

  init(pipeline: any TextCleaningPipeline, makesVersion: Bool, chunkSize: Int) {
    self.pipeline = pipeline
    self.makesVersion = makesVersion
    self.chunkSize = chunkSize
  }

  var origin: DatasetVersion.Origin? { makesVersion ? .clean : nil }

  var state: State {
    get { State(pipeline: (try? pipeline.saveState()) ?? Data(), report: reading) }
    set {
      reading = newValue.report
      do { try pipeline.restoreState(newValue.pipeline) } catch { restoreFailure = "\(error)" }
    }
  }

  mutating func process(_ rows: [SampleRow], context: JobContext) throws -> [OutputItem] {
    if let restoreFailure {
      throw JobFailure("cannot resume the cleaning steps from the checkpoint (\(restoreFailure))", retryable: false)
    }
    var data = Data()
    var records: [OutputItem.Record] = []
    for row in rows {
      reading.step.itemsIn += 1
      let text: String
      switch SampleText.read(row) {
      case .success(let value): text = value
      case .failure(let failure):
        reading.problem(row.sample.ordinal, row.relativePath, failure.message)
        continue
      }
      reading.step.itemsOut += 1
      let input = CleaningDocument(id: row.sample.ordinal, text: text, language: row.sample.language)
      guard let output = pipeline.process(input), makesVersion else { continue }
      var object: [String: Any] = ["id": output.id, "text": output.text]
      if let language = output.language { object["language"] = language }
      var line = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
      line.append(0x0A)
      records.append(
        .init(
          offset: Int64(data.count), length: Int64(line.count), text: output.text, language: output.language,
          sourceSampleID: row.sample.id))
      data.append(line)
    }
    guard !records.isEmpty, let first = rows.first else { return [] }
    let name = String(format: "clean/part-%08d.jsonl", first.sample.ordinal)
    return [OutputItem(name: name, data: data, mediaType: .jsonl, records: records)]
  }

  mutating func finish(context: JobContext) throws -> [Int64] {
    let dropped = try pipeline.finish()
    guard !dropped.isEmpty, let input = context.job.versionID else { return [] }
    try addNearDuplicateExamples(input: input, context: context)
    return try context.catalog.sampleIDs(ofVersion: input, ordinals: dropped)
  }

  /// Near-duplicates are known only after the stream, when their text is gone: re-reads
  /// the first removed document of the first clusters for the report's examples.
  private mutating func addNearDuplicateExamples(input: Int64, context: JobContext) throws {
    guard let report = pipeline.reports().first(where: { $0.step == "near-dedup" }) else { return }
    var documents: [(id: Int, text: String)] = []
    for cluster in report.clusters.prefix(3) {
      guard let removed = cluster.removed.first,
        let row = try context.catalog.samples(ofVersion: input, from: removed, limit: 1).first,
        row.sample.ordinal == removed, case .success(let text) = SampleText.read(row)
      else { continue }
      documents.append((removed, text))
    }
    pipeline.addLateExamples(step: "near-dedup", label: "near_duplicate", documents: documents)
  }

  private func kept(_ steps: [CleaningStepReport]) -> Int { steps.last?.itemsOut ?? reading.step.itemsOut }

  func result(inputCount: Int) throws -> (report: String, summary: String, piiScan: PIIScanRecord?) {
    if reading.step.itemsOut == 0 { try reading.check(inputCount: inputCount) }
    let steps = pipeline.reports()
    let pii = pipeline.piiFindings
    // A scan job records what it found in the version it read. A clean job's PII step
    // replaced everything the detector finds, so the version it publishes holds none of
    // it: that version's scan is clean, and the report keeps what was redacted.
    let scan = pii.map { findings in
      makesVersion
        ? PIIScanRecord(samplesScanned: reading.step.itemsOut, findings: 0, byType: "{}")
        : PIIScanRecord(
          samplesScanned: reading.step.itemsOut, findings: findings.values.reduce(0, +),
          byType: CleanReport.json(findings))
    }
    let report = CleanReport(read: reading, steps: steps, pii: pii)
    let kept = self.kept(steps)
    var summary =
      makesVersion
      ? "cleaned \(reading.step.itemsOut) documents (\(steps.map(\.step).joined(separator: ", "))), \(kept) kept"
      : "scanned \(reading.step.itemsOut) documents"
    if let pii {
      let found = pii.values.reduce(0, +)
      summary += makesVersion ? ", \(found) PII items redacted" : ", \(found) PII findings"
    }
    if reading.problemCount > 0 { summary += ", \(reading.problemCount) unreadable" }
    return (CleanReport.json(report), summary, scan)
  }
}

/// The stored report of a clean or scan job.
struct CleanReport: Encodable {
  var read: MediaJobReport
  var steps: [CleaningStepReport]
  var pii: [String: Int]?

  static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
