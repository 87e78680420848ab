import Foundation
import PortalCore
import PortalStore
import Synchronization

/// `transcribe`: turns every recording (audio, or the sound of a video) of the version
/// into text with the configured engine, one recording per core. Each output sample is
/// one recording's transcript and names it as its source; the timed segments are kept
/// beside it as `<n>.segments.json`.
struct TranscribeJobHandler: JobHandler {
  /// Makes the engine when a job starts (so a missing tool fails that job, not the worker).
  let makeEngine: @Sendable (WorkerOptions) throws -> any TranscriptionEngine

  func run(_ context: JobContext) throws -> JobResult {
    do {
      var processor = TranscribeProcessor(engine: try makeEngine(context.options))
      return try SampleJobDriver.run(&processor, context: context)
    } catch let failure as ToolRunner.Failure {
      throw JobFailure(failure.description, retryable: false)
    }
  }
}

struct TranscribeProcessor: SampleProcessor {
  let engine: any TranscriptionEngine
  var state: MediaJobReport
  var origin: DatasetVersion.Origin? { .transcribe }
  var chunkSize: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  init(engine: any TranscriptionEngine) {
    self.engine = engine
    state = MediaJobReport(engine: engine.name, step: "transcribe")
    state.wordErrorRate = engine.measuredWordErrorRate?.rate
    state.wordErrorRateNote = engine.measuredWordErrorRate?.measuredOn
  }

  mutating func process(_ rows: [SampleRow], context: JobContext) throws -> [OutputItem] {
    var inputs: [(index: Int, url: URL)] = []
    for (index, row) in rows.enumerated() {
      state.step.itemsIn += 1
      guard [.audio, .video].contains(row.sample.mediaType.modality) else {
        state.problem(row.sample.ordinal, row.relativePath, "not audio or video (\(row.sample.mediaType.label))")
        continue
      }
      guard FileManager.default.isReadableFile(atPath: row.path) else {
        state.problem(row.sample.ordinal, row.relativePath, "cannot read the file (moved, or no permission)")
        continue
      }
      inputs.append((index, URL(fileURLWithPath: row.path)))
    }
    let results = Mutex([Int: Result<Transcript, any Error>]())
    let engine = self.engine
    let work = inputs
    DispatchQueue.concurrentPerform(iterations: work.count) { i in
      guard !context.shouldStop else { return }
      let outcome = Result { try engine.transcribe(work[i].url, shouldStop: { context.shouldStop }) }
      results.withLock { $0[work[i].index] = outcome }
    }
    try context.checkStop()
    let heard = results.withLock { $0 }
    var items: [OutputItem] = []
    for (index, row) in rows.enumerated() {
      guard let outcome = heard[index] else { continue }
      switch outcome {
      case .failure(let error):
        if case ToolRunner.Failure.missing = error { throw error }
        state.problem(row.sample.ordinal, row.relativePath, "\(error)")
      case .success(let transcript):
        let name = String(format: "asr/%08d", row.sample.ordinal)
        let data = Data(transcript.text.utf8)
        state.segments += transcript.segments.count
        state.words += transcript.text.split(whereSeparator: \.isWhitespace).count
        state.audioSeconds += transcript.segments.last?.end ?? 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try? FileManager.default.createDirectory(
          at: context.outputDirectory.appendingPathComponent("asr"), withIntermediateDirectories: true)
        try? encoder.encode(transcript).write(
          to: context.outputDirectory.appendingPathComponent(name + ".segments.json"))
        state.step.itemsOut += 1
        items.append(
          OutputItem(
            name: name + ".txt", data: data, mediaType: .plainText,
            records: [
              .init(
                offset: 0, length: Int64(data.count), text: transcript.text, language: "en",
                durationMillis: row.sample.durationMillis, sourceSampleID: row.sample.id)
            ]))
      }
    }
    return items
  }

  func result(inputCount: Int) throws -> (report: String, summary: String, piiScan: PIIScanRecord?) {
    try state.check(inputCount: inputCount)
    let summary =
      "transcribed \(state.step.itemsOut) of \(state.step.itemsIn) recordings (\(state.words) words) with \(state.engine), \(state.problemCount) skipped"
    return (state.json(), summary, nil)
  }
}
