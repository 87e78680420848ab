import Foundation

/// PDFs through poppler: the page count (`pdfinfo`), the current page's text
/// (`pdftotext -f N -l N -layout`) and its image (`pdftoppm -f N -l N -r 50 -png`).
/// Each tool that is missing or fails costs only its part of the preview.
enum DocumentPreviewer {
  static func preview(source: PreviewSource, options: PreviewOptions, notices: inout [String]) throws(PreviewError)
    -> DocumentPreview
  {
    let header = (try? SampleFile(path: source.path))?.bytes(at: 0, count: 5) ?? []
    guard header == Array("%PDF-".utf8) else { throw .corrupt("not a PDF: the file does not start with %PDF-") }
    var pageCount: Int?
    do throws(PreviewError) {
      let info = try ExternalTool.run("pdfinfo", [source.path], timeout: options.toolTimeout, maxOutput: 1 << 20)
      guard info.status == 0 else { throw .corrupt("corrupt PDF: \(info.firstReason)") }
      let text = String(decoding: info.stdout, as: UTF8.self)
      for line in text.split(separator: "\n") where line.hasPrefix("Pages:") {
        pageCount = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
      }
    } catch .missingTool(let tool, let package) {
      notices.append(PreviewError.missingTool(tool: tool, package: package).description)
    } catch {
      throw error
    }
    let page = min(options.page, pageCount ?? options.page)
    if options.page > page { notices.append("the document has \(page) page(s); showing the last") }
    var lines: [SanitizedText] = []
    do {
      let text = try ExternalTool.run(
        "pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", "-enc", "UTF-8", source.path, "-"],
        timeout: options.toolTimeout, maxOutput: 4 << 20)
      if text.status != 0 {
        notices.append("no text: pdftotext: \(text.firstReason)")
      } else {
        let decoded = String(decoding: text.stdout, as: UTF8.self).replacingFormFeeds()
        lines = decoded.split(separator: "\n", omittingEmptySubsequences: false).map {
          TerminalSanitizer.sanitize(String($0).trailingSpacesTrimmed())
        }
        while lines.last?.text.isEmpty == true { lines.removeLast() }
        if lines.isEmpty { notices.append("the page has no text layer (a scan? run OCR)") }
      }
    } catch {
      notices.append(error.description)
    }
    var image: PreviewImage?
    if options.decodeMedia {
      do {
        let rendered = try ExternalTool.run(
          "pdftoppm", ["-f", "\(page)", "-l", "\(page)", "-r", "50", "-png", "-singlefile", source.path],
          timeout: options.toolTimeout, maxOutput: options.maxImageBytes)
        if rendered.status == 0, !rendered.stdout.isEmpty {
          image = try ImageDecoder.png(bytes: rendered.stdout, maxBytes: options.maxImageBytes).image
        } else {
          notices.append("no page image: pdftoppm: \(rendered.firstReason)")
        }
      } catch {
        notices.append(error.description)
      }
    }
    return DocumentPreview(pageCount: pageCount, page: page, text: lines, image: image)
  }
}

extension String {
  /// pdftotext ends pages with a form feed; it is layout, not content.
  fileprivate func replacingFormFeeds() -> String { replacingOccurrences(of: "\u{0C}", with: "") }

  fileprivate func trailingSpacesTrimmed() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }

}
