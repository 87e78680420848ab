import Foundation
import PortalCore
import PortalStore

/// One output file a processor made from a chunk of input samples.
struct OutputItem: Sendable {
  /// A sample inside the file.
  struct Record: Sendable {
    var offset: Int64
    var length: Int64
    var text: String
    var language: String?
    var durationMillis: Int64?
    var sourceSampleID: Int64?
  }

  /// The file's name under the job's output directory (deterministic per input).
  var name: String
  var data: Data
  var mediaType: MediaType
  var records: [Record]
}

/// Turns chunks of input samples into output files. Its state (report counters) is
/// saved with every checkpoint, so a resumed job reports the whole run.
protocol SampleProcessor: Sendable {
  associatedtype State: Codable & Sendable
  /// The origin of the version it makes, or nil when it makes none (a scan).
  var origin: DatasetVersion.Origin? { get }
  /// Inputs per chunk: one checkpoint per chunk.
  var chunkSize: Int { get }
  var state: State { get set }
  mutating func process(_ rows: [SampleRow], context: JobContext) throws -> [OutputItem]
  /// Called once after the last chunk; returns input sample ids whose outputs must go.
  mutating func finish(context: JobContext) throws -> [Int64]
  /// The result's report, summary and PII scan.
  func result(inputCount: Int) throws -> (report: String, summary: String, piiScan: PIIScanRecord?)
}

extension SampleProcessor {
  mutating func finish(context: JobContext) throws -> [Int64] { [] }
}

/// Runs a processor over the job's input version, chunk by chunk, each chunk's output
/// and checkpoint in one transaction; resumes from the checkpoint after a crash.
enum SampleJobDriver {
  struct Checkpoint<State: Codable>: Codable {
    var versionID: Int64?
    var nextInput: Int
    var nextOutput: Int
    var processed: Int
    var state: State
  }

  static func run<P: SampleProcessor>(_ processor: inout P, context: JobContext) throws -> JobResult {
    guard let inputID = context.job.versionID, let input = try context.catalog.version(id: inputID) else {
      throw JobFailure("the version this job was queued for no longer exists; queue the job again", retryable: false)
    }
    let total = Int64(input.sampleCount)
    var saved = context.savedCheckpoint(Checkpoint<P.State>.self)
    var staging: StagingVersion?
    if let origin = processor.origin {
      let stage = try context.stagingVersion(origin: origin, resuming: saved?.versionID)
      if !stage.resumed { saved = nil }  // the old stage is gone: start over
      staging = stage.staging
    }
    if let saved { processor.state = saved.state }
    var nextInput = saved?.nextInput ?? 0
    var nextOutput = saved?.nextOutput ?? 0
    var processed = saved?.processed ?? 0
    let files = OutputFiles(context)
    context.setProgress(done: Int64(processed), total: total)
    while true {
      try context.checkStop()
      let rows = try context.catalog.samples(ofVersion: inputID, from: nextInput, limit: processor.chunkSize)
      guard let last = rows.last else { break }
      let items = try processor.process(rows, context: context)
      try context.checkStop()
      var batch = JobOutputBatch()
      for item in items where staging != nil {
        let file = try files.write(item.data, as: item.name, mediaType: item.mediaType)
        let samples = item.records.map { record in
          let bytes = item.data.subdata(in: Int(record.offset)..<Int(record.offset + record.length))
          defer { nextOutput += 1 }
          return (
            sample: Sample(
              versionID: 0, ordinal: nextOutput, fileID: 0, offset: record.offset, length: record.length,
              mediaType: item.mediaType, sha256: OutputFiles.sha256(bytes), durationMillis: record.durationMillis,
              language: record.language, excerpt: OutputFiles.excerpt(record.text)),
            sourceSampleID: record.sourceSampleID
          )
        }
        batch.files.append(.init(file: file, samples: samples))
      }
      nextInput = last.sample.ordinal + 1
      processed += rows.count
      let checkpoint = Checkpoint(
        versionID: staging?.versionID, nextInput: nextInput, nextOutput: nextOutput, processed: processed,
        state: processor.state)
      if let staging {
        try context.append(batch, to: staging, checkpoint: checkpoint, done: Int64(processed), total: total)
      } else {
        try context.saveCheckpoint(checkpoint, done: Int64(processed), total: total)
      }
    }
    let lateDrops = try processor.finish(context: context)
    if let staging, !lateDrops.isEmpty {
      try context.guarded {
        try context.catalog.removeStagedOutput(derivedFrom: lateDrops, in: staging, lease: context.lease)
      }
    }
    let result = try processor.result(inputCount: processed)
    return JobResult(
      staging: staging, report: result.report, piiScan: result.piiScan,
      scannedVersionID: staging == nil ? inputID : nil, summary: result.summary)
  }
}
