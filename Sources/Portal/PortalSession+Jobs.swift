import Foundation
import PortalCore
import PortalStore
import PortalWorker

// MARK: - Jobs: queue, list, cancel, retry

extension PortalSession {
  /// The cleaning steps a user may name, in the order they run best.
  public static let cleaningSteps = ["normalize", "pii", "dedup", "near-dedup", "quality", "lang"]

  /// What to expect of the transcription engine, for help texts: its measured word error.
  public static let transcriptionQualityNote =
    "Engine: pocketsphinx 0.8 with Debian's en-us model. Measured word error rate: about \(Int((PocketSphinxEngine.demoWordErrorRate * 100).rounded())) % (\(PocketSphinxEngine.demoMeasurement)). Every transcription report states this figure."

  /// The pipelines this build runs: PortalCleaning's steps.
  static let cleaningFactory: any TextCleaningPipelineFactory = PortalCleaningPipeline.Factory()

  /// How steps are ordered, for help texts: the streaming steps run in the order given;
  /// near-dedup compares whole documents across the corpus, so it runs after them.
  public static let cleaningOrderNote =
    "Steps run in the order given, except near-dedup: it compares documents across the whole dataset, so it always runs last, over the text the other steps kept."

  /// Queues a `clean` job over the dataset's current version: a new text version through
  /// `steps`, in the order given — near-dedup moved last, where it runs (the stored
  /// parameters say what really runs).
  /// `settings` carries the optional minimum length (quality step), checkpoint interval
  /// and attempt limit, each validated with a sentence saying what is allowed.
  @discardableResult
  public func queueClean(
    _ reference: String, steps: [String], priority: Int = 100, settings: CleanSettings = CleanSettings()
  ) throws -> JobRow {
    let steps = steps.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    guard !steps.isEmpty else {
      throw PortalError.invalidArgument(
        "name the steps to run, e.g. --steps \(Self.cleaningSteps.joined(separator: ","))")
    }
    if let unknown = steps.first(where: { !Self.cleaningSteps.contains($0) }) {
      throw PortalError.invalidArgument(
        "'\(unknown)' is not a cleaning step; choose from \(Self.cleaningSteps.joined(separator: ", "))")
    }
    if let repeated = steps.enumerated().first(where: { steps[..<$0.offset].contains($0.element) })?.element {
      throw PortalError.invalidArgument("the '\(repeated)' step is named twice; name each step once")
    }
    let ordered = steps.filter { $0 != "near-dedup" } + steps.filter { $0 == "near-dedup" }
    let offered = Self.cleaningFactory.availableSteps
    if let missing = steps.first(where: { !offered.contains($0) }) {
      throw PortalError.invalidArgument(
        "this build of the portal cannot run the '\(missing)' step yet; available: \(offered.joined(separator: ", "))")
    }
    try settings.validate(steps: ordered)
    let parameters = JSONText.encode(
      CleanParameters(steps: ordered, checkpointEvery: settings.checkpointEvery, minLength: settings.minLength))
    return try queue(
      .clean, reference, parameters: parameters, priority: priority, maxAttempts: settings.maxAttempts,
      needs: Self.textTypes, what: "text")
  }

  /// Queues a detect-only PII `scan` of the current version (no new version; the result
  /// feeds the publication checklist).
  @discardableResult
  public func queueScan(_ reference: String, priority: Int = 100) throws -> JobRow {
    guard Self.cleaningFactory.availableSteps.contains("pii") else {
      throw PortalError.invalidArgument("this build of the portal cannot scan for personal data yet (no PII step)")
    }
    return try queue(
      .scan, reference, parameters: JSONText.encode(CleanParameters(steps: [])), priority: priority,
      needs: Self.textTypes, what: "text")
  }

  /// Queues an `ocr` job: the text of every image and PDF page, as a new text version.
  @discardableResult
  public func queueOCR(_ reference: String, priority: Int = 100) throws -> JobRow {
    try queue(
      .ocr, reference, parameters: "{}", priority: priority, needs: [.png, .jpeg, .gif, .webp, .pdf],
      what: "images or PDFs")
  }

  /// Queues a `transcribe` job: every recording's speech, as a new text version.
  @discardableResult
  public func queueTranscription(_ reference: String, priority: Int = 100) throws -> JobRow {
    try queue(
      .transcribe, reference, parameters: "{}", priority: priority,
      needs: MediaType.allCases.filter { [.audio, .video].contains($0.modality) }, what: "audio or video")
  }

  /// Jobs on datasets the actor may discover, newest first.
  public func jobs(dataset reference: String? = nil, states: [Job.State]? = nil, limit: Int = 100) throws
    -> [JobRow]
  {
    let ids = try reference.map { [try resolve($0).id ?? 0] }
    let rows = try wrap { try catalog.jobs(datasetIDs: ids, states: states, limit: max(1, limit)) }
    var visible: [Int64: Bool] = [:]
    return try rows.filter { row in
      if let known = visible[row.job.datasetID] { return known }
      let allowed = try mayDiscover(datasetID: row.job.datasetID)
      visible[row.job.datasetID] = allowed
      return allowed
    }
  }

  /// One job, if it is on a dataset the actor may discover.
  public func job(_ id: Int64) throws -> JobRow {
    guard let row = try wrap({ try catalog.job(id: id) }), try mayDiscover(datasetID: row.job.datasetID) else {
      throw PortalError.invalidArgument(JobQueueError.notFound(jobID: id).description)
    }
    return row
  }

  /// Cancels a job: at once if it waits, at its next heartbeat if it runs. Not retried.
  @discardableResult
  public func cancelJob(_ id: Int64) throws -> JobRow {
    let row = try job(id)
    try authorize(.runJob, on: try wrap { try catalog.dataset(id: row.job.datasetID) })
    _ = try jobWrap {
      try catalog.requestCancel(
        jobID: id,
        audit: event(
          "job.cancel", target: "job", String(id), dataset: row.job.datasetID,
          before: JSONText.encode(["state": row.job.state.rawValue]), after: JSONText.encode(["cancel": "requested"])))
    }
    return try job(id)
  }

  /// Queues a failed or cancelled job again.
  @discardableResult
  public func retryJob(_ id: Int64) throws -> JobRow {
    let row = try job(id)
    try authorize(.runJob, on: try wrap { try catalog.dataset(id: row.job.datasetID) })
    _ = try jobWrap {
      try catalog.retryJob(
        jobID: id,
        audit: event(
          "job.retry", target: "job", String(id), dataset: row.job.datasetID,
          before: JSONText.encode(["state": row.job.state.rawValue, "error": row.job.error ?? ""]),
          after: JSONText.encode(["state": "queued"])))
    }
    return try job(id)
  }

  // MARK: - Helpers

  static let textTypes: [MediaType] = [.plainText, .markdown, .jsonl, .csv, .tsv]

  private func queue(
    _ kind: Job.Kind, _ reference: String, parameters: String, priority: Int, maxAttempts: Int? = nil,
    needs types: [MediaType], what: String
  ) throws -> JobRow {
    let dataset = try resolve(reference)
    try authorize(.runJob, on: dataset)
    // A scan only reads; every other kind publishes its output as a new version.
    if kind != .scan { try refuseNewVersionIfPublic(dataset, making: "a `\(kind.rawValue)` job") }
    guard let datasetID = dataset.id, let versionID = dataset.currentVersionID else {
      throw PortalError.datasetNotFound(reference)
    }
    let usable = try wrap { try catalog.countSamples(ofVersion: versionID, mediaTypes: types) }
    guard usable > 0 else {
      if kind == .scan {
        throw PortalError.invalidArgument(
          "'\(dataset.name)' has no text in its current version; `portal scan \(dataset.slug)` scans its file names and metadata at once instead of queueing a job"
        )
      }
      throw PortalError.invalidArgument(
        "'\(dataset.name)' has no \(what) in its current version, so there is nothing for `\(kind.rawValue)` to do")
    }
    var newJob = Job(
      kind: kind, datasetID: datasetID, versionID: versionID, parameters: parameters, priority: priority,
      queuedBy: actor.id)
    if let maxAttempts { newJob.maxAttempts = maxAttempts }
    let login = actor.login
    let queued = try wrap {
      try catalog.enqueue([newJob]) { _ in
        AuditEvent(
          at: Date(), actor: login, action: "job.queue", targetKind: "job", targetID: "", datasetID: datasetID,
          after: JSONText.encode(["kind": kind.rawValue, "parameters": parameters, "samples": String(usable)]))
      }
    }
    logger.info("queued job", metadata: ["kind": "\(kind.rawValue)", "dataset": "\(dataset.slug)"])
    return try job(queued.first?.id ?? 0)
  }

  private func mayDiscover(datasetID: Int64) throws -> Bool {
    guard let dataset = try wrap({ try catalog.dataset(id: datasetID) }) else { return false }
    do {
      try authorize(.discover, on: dataset)
      return true
    } catch PortalError.notAllowed {
      return false
    }
  }

  private func jobWrap<T>(_ body: () throws -> T) throws -> T {
    do {
      return try wrap(body)
    } catch let error as JobQueueError {
      throw PortalError.invalidArgument(error.description)
    }
  }
}
