import Foundation
import Portal
import PortalCore
import PortalStore
import PortalTesting
import PortalWorker
import Testing

/// OCR and transcription jobs with the real tools on the demo fixtures, measured
/// against their ground truth.
@Suite(.serialized) struct MediaJobTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/Portal/Demo/Fixtures")

  /// Imports `folder`, queues a job with `queue`, runs a worker until the queue is empty,
  /// and returns each output's text with the file name of the sample it came from.
  static func run(
    _ folder: String, _ test: TestCatalog, queue: (PortalSession) throws -> JobRow
  ) throws -> (job: JobRow, outputs: [(source: String, text: String)]) {
    try test.owner.importDataset(
      ImportRequest(paths: [fixtures.appendingPathComponent(folder).path], name: folder))
    let queued = try queue(test.owner)
    test.owner.runWorker(options: WorkerOptions(once: true))
    let row = try test.owner.job(queued.job.id ?? 0)
    let catalog = try test.catalog()
    var outputs: [(String, String)] = []
    for sample in try test.owner.samples(of: folder, limit: 100) {
      let sourceID = try #require(try catalog.sourceSampleID(of: sample.sample.id ?? 0))
      let source = try catalog.read { db in
        try String.fetchOne(
          db,
          sql: "SELECT f.relative_path FROM sample s JOIN source_file f ON f.id = s.file_id WHERE s.id = ?",
          arguments: [sourceID])
      }
      outputs.append((source ?? "?", try String(contentsOfFile: sample.path, encoding: .utf8)))
    }
    return (row, outputs)
  }

  @Test func ocrReadsTheDemoScansWithinACharacterErrorBound() throws {
    let test = try TestCatalog("ocr")
    defer { test.remove() }
    let (row, outputs) = try Self.run("scanned-pages", test) { try $0.queueOCR("scanned-pages") }
    #expect(row.job.state == .succeeded, "\(row.job.error ?? "")")
    #expect(row.resultVersionNumber == 2)
    #expect(outputs.count == 5)
    var rates: [String: Double] = [:]
    for (source, text) in outputs {
      let stem = (source as NSString).deletingPathExtension
      let truth = try String(
        contentsOf: Self.fixtures.appendingPathComponent("_truth/scans/\(stem).txt"), encoding: .utf8)
      rates[stem] = ErrorRate.characters(reference: truth, hypothesis: text)
    }
    let mean = rates.values.reduce(0, +) / Double(max(1, rates.count))
    print("OCR character error per page: \(rates.sorted { $0.key < $1.key }), mean \(mean)")
    #expect(mean < 0.06, "mean character error \(mean)")
    #expect(rates.values.allSatisfy { $0 < 0.10 })
    // The earlier version stays browsable; the words and their confidences are kept.
    #expect(try test.owner.samples(of: "scanned-pages", version: 1).first?.sample.mediaType == .png)
    let words = test.location.objectsURL.appendingPathComponent("jobs/\(row.job.id ?? 0)/ocr/00000000.words.tsv")
    #expect(try String(contentsOf: words, encoding: .utf8).hasPrefix("page\tword\tconfidence"))
  }

  @Test func transcriptionHearsTheDemoRecordingsWithinAWordErrorBound() throws {
    let test = try TestCatalog("asr")
    defer { test.remove() }
    let (row, outputs) = try Self.run("oral-history", test) { try $0.queueTranscription("oral-history") }
    #expect(row.job.state == .succeeded, "\(row.job.error ?? "")")
    #expect(outputs.count == 5)
    var rates: [String: Double] = [:]
    for (source, text) in outputs {
      let name = (source as NSString).lastPathComponent
      let truthName = name.hasSuffix(".ogg") ? name : (name as NSString).deletingPathExtension
      let truth = try String(
        contentsOf: Self.fixtures.appendingPathComponent("_truth/speech/\(truthName).txt"), encoding: .utf8)
      rates[name] = ErrorRate.words(reference: truth, hypothesis: text)
      if name == "oral-history-01-mill-worker.wav" {
        for word in ["father", "worked", "thirty", "years", "oil"] { #expect(text.contains(word), "\(text)") }
      }
    }
    let mean = rates.values.reduce(0, +) / Double(max(1, rates.count))
    print(
      "Transcription word error per recording (pocketsphinx en-us): \(rates.sorted { $0.key < $1.key }), mean \(mean)")
    // English recordings only: the French one is outside the en-us model by design.
    let english = rates.filter { !$0.key.hasPrefix("temoignage") }.values
    let englishMean = english.reduce(0, +) / Double(max(1, english.count))
    #expect(englishMean < 0.65)
    // The figure reports and `portal transcribe --help` state is the one measured here.
    #expect(abs(englishMean - PocketSphinxEngine.demoWordErrorRate) < 0.05, "measured \(englishMean)")
    let report = try #require(try test.owner.showDataset("oral-history").versions.first { $0.number == 2 }?.report)
    #expect(report.contains("pocketsphinx"))
    let figures = try test.owner.jobReport(row.job.id ?? 0).facts
    let heardWords = outputs.reduce(0) { $0 + $1.text.split(whereSeparator: \.isWhitespace).count }
    #expect(heardWords > 0)
    #expect(figures["words"] == .int(Int64(heardWords)))
    #expect(figures["word_error_rate"] == .double(PocketSphinxEngine.demoWordErrorRate))
    #expect(figures["word_error_rate_note"].map { "\($0)".contains("English recordings") } == true)
  }

  @Test func ocrReadsEveryPageOfAPDFAndSkipsWhatIsNotAnImage() throws {
    let test = try TestCatalog("ocr-pdf")
    defer { test.remove() }
    let (row, outputs) = try Self.run("board-briefing-pack", test) { try $0.queueOCR("board-briefing-pack") }
    #expect(row.job.state == .succeeded, "\(row.job.error ?? "")")
    let pdf = try #require(outputs.first { $0.source == "programme-briefing.pdf" })
    #expect(pdf.text.contains("Data Partnership Programme"))
    #expect(pdf.text.components(separatedBy: "\u{0C}").count == 2, "two pages, separated by a form feed")
    #expect(outputs.count == 3)
    let report = try #require(
      try test.owner.showDataset("board-briefing-pack").versions.first { $0.number == 2 }?.report)
    #expect(report.contains("\"problem_count\":1"))
    #expect(report.contains("not an image or a PDF"))
  }

  @Test func aMissingToolFailsTheJobNamingTheDebianPackage() throws {
    let failure = #expect(throws: ToolRunner.Failure.self) {
      try ToolRunner.locate("portal-no-such-tool", package: "portal-no-such-package")
    }
    #expect(failure?.description.contains("apt-get install portal-no-such-package") == true)
  }

  @Test func aHungToolIsStoppedAtItsTimeLimit() throws {
    let sleep = try ToolRunner.locate("sleep", package: "coreutils")
    let started = Date()
    #expect(throws: ToolRunner.Failure.timedOut(tool: "sleep", seconds: 0.3)) {
      try ToolRunner.run(sleep, ["30"], timeout: 0.3)
    }
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func tesseractTSVBecomesLinesAndParagraphs() {
    let tsv = """
      level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
      5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tHello
      5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t80\tworld
      5\t1\t1\t1\t2\t1\t0\t0\t10\t10\t70\tagain
      5\t1\t1\t2\t1\t1\t0\t0\t10\t10\t60\tNext
      4\t1\t1\t2\t1\t0\t0\t0\t10\t10\t-1\t
      """
    let page = OCRPage(tsv: tsv)
    #expect(page.text == "Hello world\nagain\n\nNext")
    #expect(page.words.count == 4)
    #expect(page.meanConfidence == 75)
  }
}
