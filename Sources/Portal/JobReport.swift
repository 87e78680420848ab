import Foundation
import PortalCore

/// A job's outcome as people read it: where its version came from (lineage) and what
/// each step did — read from the report stored with the version it produced, never from
/// the job's checkpoint (which is resume state, not a report).
public struct JobReport: Sendable, Encodable, Equatable {
  /// Where the produced version came from.
  public struct Lineage: Sendable, Encodable, Equatable {
    /// The job that made the version.
    public var jobID: Int64
    /// The job's kind (`clean`, `ocr`, `transcribe`, `scan`).
    public var kind: String
    /// The dataset's slug.
    public var dataset: String
    /// The version the job read and the one it published (nil while none is published).
    public var sourceVersion: Int?
    /// The number of the version it published, if any.
    public var resultVersion: Int?
    /// The job's parameters (steps and their settings) as JSON.
    public var parameters: JSONValue

    enum CodingKeys: String, CodingKey {
      case jobID = "job_id"
      case kind, dataset
      case sourceVersion = "source_version"
      case resultVersion = "result_version"
      case parameters
    }
  }

  /// One step's counts (`itemsIn == itemsOut + removed`) and what it found.
  public struct Step: Sendable, Encodable, Equatable {
    /// The step's name (`read` for reading the input).
    public var step: String
    /// Documents the step received.
    public var itemsIn: Int
    /// Documents it passed on.
    public var itemsOut: Int
    /// Documents kept with changed text.
    public var changed: Int
    /// Documents it dropped.
    public var removed: Int
    /// Drops per rule name.
    public var dropsByRule: [String: Int]
    /// Counts per finding (PII types, languages, duplicate groups).
    public var findings: [String: Int]
    /// A few redacted examples (empty when the reader may not preview the dataset).
    public var examples: [Example]
    /// Duplicate clusters: the document kept and those removed (capped).
    public var clusters: [Cluster]

    enum CodingKeys: String, CodingKey {
      case step
      case itemsIn = "items_in"
      case itemsOut = "items_out"
      case changed, removed
      case dropsByRule = "drops_by_rule"
      case findings, examples, clusters
    }
  }

  /// An example document of a step (ids are input sample ordinals).
  public struct Example: Sendable, Encodable, Equatable {
    /// The input sample's ordinal.
    public var id: Int
    /// The rule or finding it illustrates.
    public var label: String
    /// Redacted, at most 120 characters.
    public var snippet: String
  }

  /// A duplicate cluster.
  public struct Cluster: Sendable, Encodable, Equatable {
    /// The ordinal kept.
    public var kept: Int
    /// The ordinals removed as its duplicates.
    public var removed: [Int]
  }

  /// Where the version came from.
  public var lineage: Lineage
  /// Per step, in the order they ran (the first is reading the input).
  public var steps: [Step]
  /// Items found per PII type, when a PII step ran.
  public var pii: [String: Int]?
  /// Figures of OCR and transcription runs (engine, pages, words, word error rate …).
  public var facts: [String: JSONValue]
  /// Inputs that could not be used: how many, and a few with the reason.
  public var problemCount: Int
  public var problems: [String]
  /// False when the job produced no report (still running, failed, or a test kind).
  public var available: Bool

  enum CodingKeys: String, CodingKey {
    case lineage, steps, pii, facts
    case problemCount = "problem_count"
    case problems, available
  }

  /// Reads a stored report (the JSON a job wrote into its version). Unknown shapes
  /// give an empty report rather than an error: old catalogs keep older reports.
  public init(lineage: Lineage, storedReport: String?, includeExamples: Bool) {
    self.lineage = lineage
    steps = []
    pii = nil
    facts = [:]
    problemCount = 0
    problems = []
    guard let text = storedReport,
      let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    else {
      available = false
      return
    }
    available = true
    // A cleaning report: {read: media report, steps: [...], pii: {...}}; an OCR or
    // transcription report is the media report itself.
    let media = (object["read"] as? [String: Any]) ?? object
    if let read = media["step"] as? [String: Any] { steps.append(Self.step(read, includeExamples: false)) }
    for case let step as [String: Any] in (object["steps"] as? [Any]) ?? [] {
      steps.append(Self.step(step, includeExamples: includeExamples))
    }
    pii = (object["pii"] as? [String: Any]).map(Self.counts)
    for key in ["engine", "pages", "words", "mean_word_confidence", "words_below_60", "audio_seconds", "segments"]
    where object["read"] == nil {
      if let value = object[key].map(Self.value), value != .int(0), value != .double(0) { facts[key] = value }
    }
    for key in ["word_error_rate", "word_error_rate_note"] {
      if let value = object[key] { facts[key] = Self.value(value) }
    }
    problemCount = Self.int(media["problem_count"])
    problems = ((media["problems"] as? [[String: Any]]) ?? []).prefix(10).map { problem in
      "\(problem["path"] as? String ?? "?"): \(problem["reason"] as? String ?? "")"
    }
  }

  // MARK: - Parsing

  private static func step(_ object: [String: Any], includeExamples: Bool) -> Step {
    let examples = ((object["examples"] as? [[String: Any]]) ?? []).map { example in
      Example(
        id: int(example["id"]), label: example["label"] as? String ?? "", snippet: example["snippet"] as? String ?? "")
    }
    let clusters = ((object["clusters"] as? [[String: Any]]) ?? []).map { cluster in
      Cluster(kept: int(cluster["kept"]), removed: ((cluster["removed"] as? [Any]) ?? []).map(int))
    }
    return Step(
      step: object["step"] as? String ?? "?", itemsIn: int(object["items_in"]), itemsOut: int(object["items_out"]),
      changed: int(object["changed"]), removed: int(object["removed"]),
      dropsByRule: counts((object["drops_by_rule"] as? [String: Any]) ?? [:]),
      findings: counts((object["findings"] as? [String: Any]) ?? [:]), examples: includeExamples ? examples : [],
      clusters: clusters)
  }

  private static func counts(_ object: [String: Any]) -> [String: Int] { object.mapValues(int) }

  private static func int(_ value: Any?) -> Int { (value as? NSNumber)?.intValue ?? 0 }

  /// A JSONSerialization value as a JSONValue.
  static func value(_ any: Any) -> JSONValue {
    switch any {
    case let number as NSNumber:
      // Reports hold no booleans: every number is a count or a figure.
      let double = number.doubleValue
      return double == double.rounded() && abs(double) < 1e15 ? .int(number.int64Value) : .double(double)
    case let text as String: return .string(text)
    case let array as [Any]: return .array(array.map(value))
    case let object as [String: Any]: return .object(object.mapValues(value))
    default: return .null
    }
  }

  /// Parses JSON text as a JSONValue (`.string(text)` when it is not JSON).
  static func value(json text: String) -> JSONValue {
    guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else {
      return .string(text)
    }
    return value(object)
  }
}
