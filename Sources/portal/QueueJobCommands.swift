import ArgumentParser
import Foundation
import Portal
import PortalCore

/// What the queueing commands share: the dataset, priority, and how to report.
struct QueueOptions: ParsableArguments {
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(help: "Lower runs first (default 100).") var priority = 100
  @Flag(help: "Print JSON for scripts.") var json = false

  func report(_ row: JobRow) {
    if json {
      print(JSONText.pretty(row))
      return
    }
    print(
      "Queued \(row.job.kind.rawValue) job \(row.job.id ?? 0) on '\(SafeText.line(row.datasetName))' (version \(row.inputVersionNumber ?? 0))."
    )
    print("A running portal (or `portal worker`) picks it up; follow it with `portal jobs show \(row.job.id ?? 0)`.")
  }
}

/// `portal clean DATASET --steps normalize,pii,dedup,near-dedup,quality,lang`.
struct CleanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clean", abstract: "Queue a cleaning job: a new text version through the steps you choose.",
    discussion: PortalSession.cleaningOrderNote)
  @OptionGroup var global: GlobalOptions
  @OptionGroup var queue: QueueOptions
  @Option(
    help: ArgumentHelp(
      "Steps, comma-separated: normalize, pii, dedup, near-dedup, quality, lang.",
      discussion: "In the order given; near-dedup always runs last."))
  var steps: String
  @Option(help: "The quality step drops documents shorter than this many characters (0–1000000; default 100).")
  var minLength: Int?
  @Option(help: "Save progress every this many documents (1–100000; default 500).")
  var checkpointEvery: Int?
  @Option(help: "Attempts before the job fails for good (1–20; default 3).")
  var maxAttempts: Int?

  func run() throws {
    let settings = CleanSettings(minLength: minLength, checkpointEvery: checkpointEvery, maxAttempts: maxAttempts)
    queue.report(
      try global.session().queueClean(
        queue.dataset, steps: steps.split(separator: ",").map(String.init), priority: queue.priority,
        settings: settings))
  }
}

/// `portal scan DATASET`: a detect-only PII scan.
struct ScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract:
      "Scan the current version for personal data (for publication): a job for text; file names and metadata at once for images, audio, video."
  )
  @OptionGroup var global: GlobalOptions
  @OptionGroup var queue: QueueOptions

  func run() throws {
    switch try global.session().scan(queue.dataset, priority: queue.priority) {
    case .queued(let row):
      queue.report(row)
    case .recorded(let scan):
      if queue.json {
        print(JSONText.pretty(scan))
        return
      }
      let kinds = scan.byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
      let found = scan.isClean ? "nothing found" : "found \(scan.findings) item(s) (\(kinds))"
      print("Scanned '\(SafeText.line(queue.dataset))': \(scan.samplesScanned) samples, \(found).")
      if let coverage = scan.coverage { print("Coverage: \(coverage).") }
    }
  }
}

/// `portal ocr DATASET`.
struct OCRCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ocr", abstract: "Queue OCR of the dataset's images and PDFs (tesseract, English and French).")
  @OptionGroup var global: GlobalOptions
  @OptionGroup var queue: QueueOptions

  func run() throws { queue.report(try global.session().queueOCR(queue.dataset, priority: queue.priority)) }
}

/// `portal transcribe DATASET`.
struct TranscribeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transcribe",
    abstract: "Queue transcription of the dataset's recordings (pocketsphinx, English; rough on hard audio).",
    discussion: PortalSession.transcriptionQualityNote)
  @OptionGroup var global: GlobalOptions
  @OptionGroup var queue: QueueOptions

  func run() throws {
    queue.report(try global.session().queueTranscription(queue.dataset, priority: queue.priority))
  }
}
