import ArgumentParser
import Foundation
import Portal
import PortalMedia
import PortalTUI
import TerminalKit

/// `portal preview DATASET [SAMPLE]`: one sample rendered as the TUI's preview pane draws
/// it, printed to stdout (half-block images and waveforms as SGR colour sequences).
struct PreviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "preview", abstract: "Show a sample: text, table, JSON, PDF page, image, waveform or video frames.",
    discussion: """
      SAMPLE is the sample's number in the version (as `portal samples` lists them) or its
      file's relative path (PATH@OFFSET for one record); without it, the first sample.
      Colour defaults to what the terminal supports, and to none when stdout is not a terminal
      or NO_COLOR is set.
      """)

  /// How many colours to write.
  enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, auto
    case ansi16 = "16"
    case ansi256 = "256"
    case truecolor
  }

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Argument(help: "Sample number (from 0) or relative path; default: the first.") var sample: String?
  @Option(help: "A version number (default: the current version).") var version: Int?
  @Option(help: "Columns to render (default: the terminal's width, else 80).") var width: Int?
  @Option(help: "Rows to render (default: the terminal's height, else 24).") var height: Int?
  @Option(help: "Colours: never, 16, 256, truecolor or auto.") var color: ColorChoice = .auto
  @Flag(help: "Text only: no images, waveforms or colour.") var plain = false
  @Flag(help: "ASCII characters only (no box drawing or block glyphs).") var ascii = false
  @Option(help: "PDF page to show (from 1).") var page = 1
  @Option(help: "Text: start at this line.") var line: Int?
  @Option(help: "Text: start at this percentage of the file.") var percent: Double?
  @Option(help: "Text: start at the line holding this byte offset.") var offset: Int64?
  @Option(help: "Text: start at the first match of this text.") var find: String?
  @Option(help: "Scroll laid-out content (JSON, tables, PDF text) down this many rows.") var scroll = 0
  @Option(help: "Tables: scroll this many columns to the right.") var column = 0
  @Flag(help: "Print to standard error how long opening the catalog and building and drawing the preview took.")
  var timings = false

  func validate() throws {
    if let width, width < 10 || width > 1000 { throw ValidationError("--width must be between 10 and 1000") }
    if let height, height < 3 || height > 1000 { throw ValidationError("--height must be between 3 and 1000") }
    if page < 1 { throw ValidationError("--page must be 1 or more") }
    if let line, line < 1 { throw ValidationError("--line must be 1 or more") }
    if let percent, !(0...100).contains(percent) { throw ValidationError("--percent must be between 0 and 100") }
  }

  func run() throws {
    let size = Size(width: width ?? TerminalSize.columns, height: height ?? TerminalSize.rows)
    var base = PreviewOptions(page: page, decodeMedia: !plain)
    if let line { base.position = .line(line) }
    if let percent { base.position = .percent(percent) }
    if let offset { base.position = .offset(offset) }
    if let find { base.search = TextSearch(query: find) }
    let options = PreviewRenderer.options(for: size, base: base)
    let clock = ContinuousClock()
    let opened = clock.now
    let session = try global.session()
    let started = clock.now
    let preview = try session.preview(
      dataset, sample: sample.map(SampleReference.init(parsing:)) ?? .ordinal(0), version: version, options: options)
    let depth = plain ? nil : resolvedDepth()
    let terminal = VirtualTerminal(size: size, colorDepth: depth ?? .mono, glyphs: ascii ? .ascii : .unicode)
    PreviewRenderer(drawsPictures: !plain).draw(
      preview, into: terminal, in: terminal.bounds, state: PreviewViewState(scroll: scroll, columnOffset: column))
    terminal.present()
    let output = depth == nil ? trimmed(terminal.snapshotText()) : terminal.ansiText()
    let finished = clock.now
    print(output)
    if timings {
      let milliseconds = { (duration: Swift.Duration) -> Double in duration / .milliseconds(1) }
      FileHandle.standardError.write(
        Data(
          String(
            format: "open catalog %.1f ms, preview and render %.1f ms\n", milliseconds(started - opened),
            milliseconds(finished - started)
          ).utf8))
    }
  }

  /// nil for no colour (plain text, not one escape byte), else the depth to write.
  private func resolvedDepth() -> ColorDepth? {
    switch color {
    case .never: return nil
    case .ansi16: return .ansi16
    case .ansi256: return .ansi256
    case .truecolor: return .truecolor
    case .auto:
      let environment = ProcessInfo.processInfo.environment
      if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return nil }
      guard isatty(STDOUT_FILENO) == 1 else { return nil }
      let term = environment["TERM"] ?? ""
      if term == "dumb" || term.isEmpty { return nil }
      if ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "") { return .truecolor }
      return term.contains("256") ? .ansi256 : .ansi16
    }
  }

  private func trimmed(_ text: String) -> String {
    var lines = text.components(separatedBy: "\n")
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }
}

/// The size of the terminal on stdout, else `COLUMNS`/`LINES`, else 80×24.
enum TerminalSize {
  static var columns: Int { measured?.ws_col.nonZero ?? environment("COLUMNS") ?? 80 }
  static var rows: Int { measured?.ws_row.nonZero ?? environment("LINES") ?? 24 }

  private static var measured: winsize? {
    var size = winsize()
    guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
    return size
  }

  private static func environment(_ name: String) -> Int? {
    ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
  }
}

extension UInt16 {
  fileprivate var nonZero: Int? { self > 0 ? Int(self) : nil }
}
