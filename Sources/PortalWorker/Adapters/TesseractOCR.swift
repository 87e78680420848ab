import Foundation

/// Optical character recognition with tesseract (`-l eng+fra`, one thread per run so
/// pages run one per core): the page's text and each word's confidence from tesseract's
/// TSV output.
public struct TesseractOCR: Sendable {
  /// Tesseract language packs to use.
  public var languages: String
  /// The longest one page may take.
  public var timeout: TimeInterval

  /// Creates the adapter; fails with the Debian package name when tesseract is missing.
  public init(languages: String = "eng+fra", timeout: TimeInterval = 120) throws {
    self.languages = languages
    self.timeout = timeout
    tool = try ToolRunner.locate("tesseract", package: "tesseract-ocr")
  }

  private let tool: URL

  /// Recognises the text of one image file.
  public func recognize(imageAt url: URL, shouldStop: @escaping @Sendable () -> Bool = { false }) throws -> OCRPage {
    // OMP_THREAD_LIMIT=1: tesseract's OpenMP threads make a page 4× slower on a busy
    // machine for the same output; the worker parallelises across pages instead.
    let output = try ToolRunner.run(
      tool, [url.path, "stdout", "-l", languages, "tsv"], environment: ["OMP_THREAD_LIMIT": "1"],
      timeout: timeout, shouldStop: shouldStop)
    guard output.status == 0 else {
      throw ToolRunner.Failure.failed(tool: "tesseract", status: output.status, message: output.lastErrorLine)
    }
    return OCRPage(tsv: String(decoding: output.stdout, as: UTF8.self))
  }
}

/// One recognised word with where it is and how sure tesseract was (0–100).
public struct OCRWord: Sendable, Codable, Equatable {
  public var text: String
  public var confidence: Double
  public var left: Int
  public var top: Int
  public var width: Int
  public var height: Int
}

/// A recognised page: text rebuilt from tesseract's layout (lines, blank line between
/// paragraphs) and the words with their confidences.
public struct OCRPage: Sendable, Codable, Equatable {
  public var text: String
  public var words: [OCRWord]

  /// The mean word confidence (0–100), or 0 when no word was found.
  public var meanConfidence: Double {
    words.isEmpty ? 0 : words.reduce(0) { $0 + $1.confidence } / Double(words.count)
  }

  /// Parses tesseract's TSV (level, page, block, paragraph, line, word, box, conf, text).
  public init(tsv: String) {
    var words: [OCRWord] = []
    var text = ""
    var lastParagraph: (Int, Int, Int)?
    var lastLine: (Int, Int, Int, Int)?
    for row in tsv.split(separator: "\n", omittingEmptySubsequences: true).dropFirst() {
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 12, fields[0] == "5", let conf = Double(fields[10]) else { continue }
      let word = fields[11...].joined(separator: "\t").trimmingCharacters(in: .whitespaces)
      guard !word.isEmpty, conf >= 0 else { continue }
      let n = fields[1...9].map { Int($0) ?? 0 }
      let paragraph = (n[0], n[1], n[2])
      let line = (n[0], n[1], n[2], n[3])
      if let lastParagraph, lastParagraph != paragraph {
        text += "\n\n"
      } else if let lastLine, lastLine != line {
        text += "\n"
      } else if !text.isEmpty {
        text += " "
      }
      text += word
      lastParagraph = paragraph
      lastLine = line
      words.append(
        OCRWord(text: word, confidence: conf, left: n[5], top: n[6], width: n[7], height: n[8]))
    }
    self.text = text
    self.words = words
  }
}

/// Renders the pages of a PDF to PNG images with poppler's `pdftoppm`.
public struct PDFPageRenderer: Sendable {
  /// Resolution of the rendered pages; 300 dpi is what tesseract reads best.
  public var dpi: Int
  public var timeout: TimeInterval
  private let tool: URL

  /// Creates the renderer; fails with the Debian package name when pdftoppm is missing.
  public init(dpi: Int = 300, timeout: TimeInterval = 300) throws {
    self.dpi = dpi
    self.timeout = timeout
    tool = try ToolRunner.locate("pdftoppm", package: "poppler-utils")
  }

  /// Writes `page-N.png` files for every page into `directory` and returns them in order.
  public func render(_ pdf: URL, into directory: URL, shouldStop: @escaping @Sendable () -> Bool = { false }) throws
    -> [URL]
  {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let prefix = directory.appendingPathComponent("page")
    let output = try ToolRunner.run(
      tool, ["-r", String(dpi), "-png", pdf.path, prefix.path], timeout: timeout, shouldStop: shouldStop)
    guard output.status == 0 else {
      throw ToolRunner.Failure.failed(tool: "pdftoppm", status: output.status, message: output.lastErrorLine)
    }
    let pages = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasPrefix("page-") && $0.pathExtension == "png" }
    // pdftoppm pads page numbers to the width of the last one; sort numerically anyway.
    return pages.sorted { pageNumber($0) < pageNumber($1) }
  }

  private func pageNumber(_ url: URL) -> Int {
    Int(url.deletingPathExtension().lastPathComponent.dropFirst("page-".count)) ?? 0
  }
}
