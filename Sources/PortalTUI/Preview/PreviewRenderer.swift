import Foundation
import PortalMedia
import TerminalKit

/// Draws a ``SamplePreview`` into a rectangle of any `Terminal`: the TUI's preview pane
/// and `portal preview` (through a `VirtualTerminal`) use this one renderer.
///
/// Layout: the title on the first row, the facts on the second, the body below, and up
/// to three notices on the last rows. Build the preview with ``options(for:)`` so its
/// body is sized for the same rectangle.
public struct PreviewRenderer: Sendable {
  /// Rows above the body (title and facts).
  public static let headerRows = 2
  /// The looks.
  public var styles: PreviewStyles
  /// Whether pictures are drawn (images, PDF pages, waveforms, video frames); when
  /// false only text and facts are (`portal preview --plain`).
  public var drawsPictures: Bool

  /// Creates a renderer.
  public init(styles: PreviewStyles = PreviewStyles(), drawsPictures: Bool = true) {
    self.styles = styles
    self.drawsPictures = drawsPictures
  }

  /// Options that size a preview's body for a pane of `size` cells, measuring text with
  /// the terminal's `wcwidth`; `base` supplies position, page and search.
  public static func options(for size: Size, base: PreviewOptions = PreviewOptions()) -> PreviewOptions {
    var options = base
    options.columns = max(1, size.width)
    options.rows = max(1, size.height - headerRows)
    options.measure = { scalar in max(0, DisplayWidth.of(scalar)) }
    return options
  }

  /// Draws `preview` in `rect`; `state` scrolls content that is laid out by the renderer
  /// (JSON, tables, PDF text, transcripts). Returns how far it can scroll.
  @discardableResult
  public func draw(
    _ preview: SamplePreview, into terminal: any Terminal, in rect: Rect, state: PreviewViewState = PreviewViewState()
  ) -> PreviewDrawResult {
    guard !rect.isEmpty else { return PreviewDrawResult() }
    terminal.fill(rect, style: .plain)
    terminal.put(text: preview.title, in: rect.row(0), style: styles.title)
    var factsLine = preview.facts.map { $0.label.isEmpty ? $0.value : "\($0.label) \($0.value)" }
    factsLine += positionFacts(preview.content)
    // Text-only output wraps the facts rather than cut them: they are all it shows.
    let factRows = drawsPictures ? [factsLine.joined(separator: " · ")] : wrapped(factsLine, width: rect.width)
    let headerRows = 1 + factRows.count
    for (index, row) in factRows.enumerated() where index + 1 < rect.height {
      terminal.put(text: row, in: rect.row(index + 1), style: styles.facts)
    }
    let notices = Array(preview.notices.prefix(3))
    // Without pictures an image, video or untranscribed recording has no body: its
    // notices follow the facts instead of sitting below empty rows.
    let bodyHeight = hasTextBody(preview.content) ? max(0, rect.height - headerRows - notices.count) : 0
    for (index, notice) in notices.enumerated() where headerRows + bodyHeight + index < rect.height {
      terminal.put(text: "! " + notice, in: rect.row(headerRows + bodyHeight + index), style: styles.notice)
    }
    let body = Rect(x: rect.x, y: rect.y + headerRows, width: rect.width, height: bodyHeight)
    guard !body.isEmpty else { return PreviewDrawResult() }
    switch preview.content {
    case .text(let page): drawText(page, into: terminal, in: body)
    case .json(let record): return drawJSON(record, into: terminal, in: body, scroll: state.scroll)
    case .table(let table): return drawTable(table, into: terminal, in: body, state: state)
    case .document(let document): return drawDocument(document, into: terminal, in: body, scroll: state.scroll)
    case .image(let image): if drawsPictures { drawImage(image, into: terminal, in: body) }
    case .audio(let audio): return drawAudio(audio, into: terminal, in: body, scroll: state.scroll)
    case .video(let video): if drawsPictures { drawVideo(video, into: terminal, in: body) }
    case .failure(let reason):
      terminal.put(text: terminal.glyphs.cross + " " + reason, in: body.row(0), style: styles.failure)
    }
    return PreviewDrawResult()
  }

  /// `parts` joined with " · " into rows of at most `width` columns, breaking between parts.
  private func wrapped(_ parts: [String], width: Int) -> [String] {
    var rows: [String] = []
    var row = ""
    for part in parts {
      let candidate = row.isEmpty ? part : row + " · " + part
      if !row.isEmpty && DisplayWidth.of(candidate) > width {
        rows.append(row)
        row = part
      } else {
        row = candidate
      }
    }
    if !row.isEmpty || rows.isEmpty { rows.append(row) }
    return rows
  }

  /// Whether `content` draws anything when pictures are off.
  private func hasTextBody(_ content: PreviewContent) -> Bool {
    guard !drawsPictures else { return true }
    switch content {
    case .image, .video: return false
    case .audio(let audio): return !(audio.transcript ?? []).isEmpty
    default: return true
    }
  }

  /// Where a text page is, for the facts row.
  private func positionFacts(_ content: PreviewContent) -> [String] {
    guard case .text(let page) = content else { return [] }
    var facts: [String] = []
    if let line = page.rows.first(where: { $0.line != nil })?.line {
      facts.append("line " + line.label(PreviewFormat.count))
    }
    if page.nextOffset == nil {
      facts.append(page.previousOffset == nil ? "all" : "end")
    } else {
      facts.append("\(page.percent)%")
    }
    if let search = page.search {
      facts.append(
        search.match == nil ? "/\(search.query) not found\(search.complete ? "" : " yet")" : "/\(search.query)")
    }
    return facts
  }

  // MARK: - Styled text

  /// Draws sanitised text from `point`, at most `width` columns: escapes dimmed, matches
  /// of `highlight` reversed. Returns the columns used.
  @discardableResult
  func drawSanitized(
    _ text: SanitizedText, at point: Point, width: Int, style: Style, highlight: String? = nil,
    into terminal: any Terminal
  ) -> Int {
    guard width > 0 else { return 0 }
    var marks: [(Range<String.Index>, Style)] = text.escapeRanges.map { ($0, style.adding(styles.escape.attributes)) }
    if let highlight, !highlight.isEmpty {
      var from = text.text.startIndex
      while let found = text.text.range(of: highlight, options: .caseInsensitive, range: from..<text.text.endIndex) {
        marks.append((found, style.adding(styles.match.attributes)))
        from = found.upperBound
      }
    }
    var x = point.x
    var segment = ""
    var segmentStyle = style
    func flush() {
      guard !segment.isEmpty else { return }
      let clipped = DisplayWidth.clip(segment, to: point.x + width - x)
      terminal.put(text: clipped, at: Point(x: x, y: point.y), style: segmentStyle)
      x += DisplayWidth.of(clipped)
      segment = ""
    }
    var index = text.text.startIndex
    while index < text.text.endIndex, x < point.x + width {
      let character = text.text[index]
      let current = marks.last { $0.0.contains(index) }?.1 ?? style
      if current != segmentStyle {
        flush()
        segmentStyle = current
      }
      segment.append(character)
      index = text.text.index(after: index)
    }
    flush()
    return x - point.x
  }
}

/// Scroll positions a preview pane keeps between draws.
public struct PreviewViewState: Sendable, Hashable {
  /// Rows scrolled down in content the renderer lays out.
  public var scroll: Int
  /// Table columns scrolled off to the left.
  public var columnOffset: Int

  /// Creates a state.
  public init(scroll: Int = 0, columnOffset: Int = 0) {
    self.scroll = max(0, scroll)
    self.columnOffset = max(0, columnOffset)
  }
}

/// What a draw found out about scrolling.
public struct PreviewDrawResult: Sendable, Hashable {
  /// Largest useful ``PreviewViewState/scroll``.
  public var maxScroll = 0
  /// Largest useful ``PreviewViewState/columnOffset``.
  public var maxColumnOffset = 0

  /// Creates a result.
  public init(maxScroll: Int = 0, maxColumnOffset: Int = 0) {
    self.maxScroll = maxScroll
    self.maxColumnOffset = maxColumnOffset
  }
}
