import Foundation
import PortalCore
import PortalStore
import Synchronization

/// `ocr`: reads the text of every image (and every page of every PDF) of the version
/// with tesseract, one page per core, into a text version. Each output sample is one
/// input sample's text and names it as its source; the per-word confidences are kept
/// beside it as `<n>.words.tsv`.
struct OCRJobHandler: JobHandler {
  func run(_ context: JobContext) throws -> JobResult {
    do {
      var processor = OCRProcessor(
        ocr: try TesseractOCR(timeout: context.options.toolTimeout),
        pdf: try? PDFPageRenderer(timeout: context.options.toolTimeout))
      return try SampleJobDriver.run(&processor, context: context)
    } catch let failure as ToolRunner.Failure {
      throw JobFailure(failure.description, retryable: false)
    }
  }
}

struct OCRProcessor: SampleProcessor {
  let ocr: TesseractOCR
  let pdf: PDFPageRenderer?
  var state = MediaJobReport(engine: "tesseract (eng+fra)", step: "ocr")
  var origin: DatasetVersion.Origin? { .ocr }
  var chunkSize: Int { max(2, ProcessInfo.processInfo.activeProcessorCount * 2) }

  private struct Page: Sendable {
    var row: Int
    var image: URL
  }

  mutating func process(_ rows: [SampleRow], context: JobContext) throws -> [OutputItem] {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("portal-ocr-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    var pages: [Page] = []
    for (index, row) in rows.enumerated() {
      state.step.itemsIn += 1
      switch row.sample.mediaType {
      case .png, .jpeg, .gif, .webp:
        guard FileManager.default.isReadableFile(atPath: row.path) else {
          state.problem(row.sample.ordinal, row.relativePath, "cannot read the file (moved, or no permission)")
          continue
        }
        pages.append(Page(row: index, image: URL(fileURLWithPath: row.path)))
      case .pdf:
        guard let pdf else {
          state.problem(row.sample.ordinal, row.relativePath, "pdftoppm is missing (install poppler-utils)")
          continue
        }
        do {
          let images = try pdf.render(
            URL(fileURLWithPath: row.path), into: scratch.appendingPathComponent("\(index)"),
            shouldStop: { context.shouldStop })
          pages += images.map { Page(row: index, image: $0) }
        } catch {
          try context.checkStop()
          state.problem(row.sample.ordinal, row.relativePath, "cannot render the PDF: \(error)")
        }
      default:
        state.problem(row.sample.ordinal, row.relativePath, "not an image or a PDF (\(row.sample.mediaType.label))")
      }
    }
    let results = Mutex([Int: Result<OCRPage, any Error>]())
    let ocr = self.ocr
    let work = pages
    // One page per core: tesseract runs single-threaded, so N runs fill N cores.
    DispatchQueue.concurrentPerform(iterations: work.count) { index in
      guard !context.shouldStop else { return }
      let outcome = Result { try ocr.recognize(imageAt: work[index].image, shouldStop: { context.shouldStop }) }
      results.withLock { $0[index] = outcome }
    }
    try context.checkStop()
    let recognised = results.withLock { $0 }
    var items: [OutputItem] = []
    for (index, row) in rows.enumerated() {
      let rowPages = work.indices.filter { work[$0].row == index }
      guard !rowPages.isEmpty else { continue }
      var texts: [String] = []
      var tsv = "page\tword\tconfidence\tleft\ttop\twidth\theight\n"
      var failure: String?
      for (number, pageIndex) in rowPages.enumerated() {
        switch recognised[pageIndex] {
        case .success(let page):
          texts.append(page.text)
          state.pages += 1
          state.words += page.words.count
          state.confidenceSum += page.words.reduce(0) { $0 + $1.confidence }
          state.lowConfidenceWords += page.words.filter { $0.confidence < 60 }.count
          for word in page.words {
            tsv +=
              "\(number + 1)\t\(word.text)\t\(word.confidence)\t\(word.left)\t\(word.top)\t\(word.width)\t\(word.height)\n"
          }
        case .failure(let error):
          if case ToolRunner.Failure.missing = error { throw error }
          failure = "\(error)"
        case nil:
          failure = "not processed"
        }
      }
      if let failure, texts.isEmpty {
        state.problem(row.sample.ordinal, row.relativePath, failure)
        continue
      }
      // Pages of a PDF are separated by a form feed, as pdftotext does.
      let text = texts.joined(separator: "\n\u{0C}\n")
      let data = Data(text.utf8)
      let name = String(format: "ocr/%08d", row.sample.ordinal)
      try? FileManager.default.createDirectory(
        at: context.outputDirectory.appendingPathComponent("ocr"), withIntermediateDirectories: true)
      try? Data(tsv.utf8).write(to: context.outputDirectory.appendingPathComponent(name + ".words.tsv"))
      state.step.itemsOut += 1
      items.append(
        OutputItem(
          name: name + ".txt", data: data, mediaType: .plainText,
          records: [.init(offset: 0, length: Int64(data.count), text: text, sourceSampleID: row.sample.id)]))
    }
    return items
  }

  func result(inputCount: Int) throws -> (report: String, summary: String, piiScan: PIIScanRecord?) {
    try state.check(inputCount: inputCount)
    let mean = state.words > 0 ? state.confidenceSum / Double(state.words) : 0
    let summary = String(
      format: "read %d pages of %d samples, %d words (mean confidence %.0f%%), %d skipped", state.pages,
      state.step.itemsIn, state.words, mean, state.problemCount)
    return (state.json(), summary, nil)
  }
}
