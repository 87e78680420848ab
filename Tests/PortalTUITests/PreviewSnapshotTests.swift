import Foundation
import Portal
import PortalCore
import PortalMedia
import PortalTUI
import PortalTesting
import TerminalKit
import TerminalKitTesting
import Testing

/// Golden renderings of every modality from the demo fixtures, through the real path:
/// fixtures imported into a catalog, `PortalSession.preview`, the one renderer, a
/// `VirtualTerminal` — at two pane sizes and three colour depths.
struct PreviewSnapshotTests {
  /// The fixtures imported once, one dataset per fixture directory.
  static let catalog: Result<TestCatalog, any Error> = Result {
    let catalog = try TestCatalog("preview-goldens")
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Portal/Demo/Fixtures")
    for directory in Set(Self.cases.map(\.dataset)) {
      try catalog.owner.importDataset(
        ImportRequest(paths: [fixtures.appendingPathComponent(directory).path], name: directory))
    }
    return catalog
  }

  struct Case: Sendable, CustomStringConvertible {
    var name: String
    var dataset: String
    var sample: SampleReference
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "text_markdown", dataset: "press-archive-en", sample: .path("en-01-river-flood-defences.md", offset: nil)),
    Case(name: "jsonl_record", dataset: "reader-support-dialogues", sample: .ordinal(3)),
    Case(name: "csv_row", dataset: "archive-catalogue", sample: .ordinal(7)),
    Case(name: "pdf_page", dataset: "board-briefing-pack", sample: .path("programme-briefing.pdf", offset: nil)),
    Case(name: "png_scan", dataset: "scanned-pages", sample: .path("ledger-2019-mill-reopens-p1.png", offset: nil)),
    Case(name: "jpeg_photo", dataset: "photo-library", sample: .path("lake-at-dusk.jpg", offset: nil)),
    Case(name: "gif_first_frame", dataset: "photo-library", sample: .path("observatory-beacon.gif", offset: nil)),
    Case(name: "webp_photo", dataset: "photo-library", sample: .path("steamer-chablais.webp", offset: nil)),
    Case(name: "wav_waveform", dataset: "oral-history", sample: .path("oral-history-01-mill-worker.wav", offset: nil)),
    Case(name: "ogg_waveform", dataset: "oral-history", sample: .path("oral-history-02-library.ogg", offset: nil)),
    Case(name: "mp4_frames", dataset: "newsroom-video", sample: .path("ledger-newsroom-ident.mp4", offset: nil)),
    Case(name: "webm_frames", dataset: "newsroom-video", sample: .path("fractal-zoom-test.webm", offset: nil)),
  ]

  static let sizes = [Size(width: 60, height: 16), Size(width: 100, height: 28)]
  static let depths: [ColorDepth] = [.ansi16, .ansi256, .truecolor]

  @Test(arguments: cases)
  func everyModalityRendersAsItsGoldenAtEachSizeAndDepth(_ testCase: Case) throws {
    let catalog = try Self.catalog.get()
    for size in Self.sizes {
      let preview = try catalog.owner.preview(
        testCase.dataset, sample: testCase.sample, options: PreviewRenderer.options(for: size))
      if case .failure(let reason) = preview.content { Issue.record("\(testCase.name): \(reason)") }
      for depth in Self.depths {
        let terminal = VirtualTerminal(size: size, colorDepth: depth)
        PreviewRenderer().draw(preview, into: terminal, in: terminal.bounds)
        terminal.present()
        assertSnapshot(terminal, named: "preview/\(testCase.name)_\(size.width)x\(size.height)_\(depth)")
      }
    }
  }

  @Test func asciiGlyphsAndMonoStillShowEveryKind() throws {
    let catalog = try Self.catalog.get()
    for testCase in Self.cases {
      let size = Size(width: 50, height: 12)
      let preview = try catalog.owner.preview(
        testCase.dataset, sample: testCase.sample, options: PreviewRenderer.options(for: size))
      let terminal = VirtualTerminal(size: size, colorDepth: .mono, glyphs: .ascii)
      PreviewRenderer().draw(preview, into: terminal, in: terminal.bounds)
      terminal.present()
      let text = terminal.snapshotText()
      #expect(
        text.unicodeScalars.allSatisfy {
          $0.value < 0x80 || "…·×≈".unicodeScalars.contains($0) || $0.properties.isAlphabetic || $0.value == 0x2014
            || $0.value == 0x2019
        }, "\(testCase.name)")
      #expect(text.split(separator: "\n").count >= 3, "\(testCase.name) shows almost nothing:\n\(text)")
    }
  }

  @Test func scrollingAndColumnOffsetMoveLaidOutContent() throws {
    let catalog = try Self.catalog.get()
    let size = Size(width: 40, height: 8)
    let options = PreviewRenderer.options(for: size)
    let record = try catalog.owner.preview("reader-support-dialogues", sample: .ordinal(0), options: options)
    let top = VirtualTerminal(size: size)
    let result = PreviewRenderer().draw(record, into: top, in: top.bounds)
    #expect(result.maxScroll > 0)
    let scrolled = VirtualTerminal(size: size)
    PreviewRenderer().draw(
      record, into: scrolled, in: scrolled.bounds, state: PreviewViewState(scroll: result.maxScroll))
    top.present()
    scrolled.present()
    #expect(top.snapshotText() != scrolled.snapshotText())
    #expect(scrolled.snapshotText().contains("}"))
    let table = try catalog.owner.preview("archive-catalogue", sample: .ordinal(2), options: options)
    let moved = VirtualTerminal(size: size)
    let tableResult = PreviewRenderer().draw(
      table, into: moved, in: moved.bounds, state: PreviewViewState(columnOffset: 2))
    moved.present()
    #expect(tableResult.maxColumnOffset == 12)
    #expect(moved.snapshotText().contains("issue_date"))
    #expect(!moved.snapshotText().contains("record_id"))
  }
}
