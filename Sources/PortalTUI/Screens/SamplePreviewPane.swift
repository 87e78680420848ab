import Portal
import PortalCore
import TerminalKit

/// What the preview pane draws below a sample's facts. The default shows the text
/// excerpt; richer previews (pages, tables, half-block images, waveforms, key frames)
/// plug in by giving the pane another `bodyFactory`.
public protocol SamplePreviewBody {
  /// Draws the body into `rect`, scrolled down by `scroll` lines.
  func render(_ context: RenderContext, in rect: Rect, scroll: Int)
  /// Lines the body has in all at `width` (for scrolling); nil when it does not scroll.
  func lineCount(width: Int) -> Int?
}

/// The excerpt the catalog keeps for a sample, wrapped; or a note when there is none.
public struct ExcerptPreviewBody: SamplePreviewBody {
  let sample: SampleRow

  /// A body for `sample`.
  public init(sample: SampleRow) { self.sample = sample }

  private func lines(width: Int) -> [String] {
    guard let excerpt = sample.sample.excerpt, !excerpt.isEmpty else {
      let kind = sample.sample.mediaType.modality.rawValue
      return ["No text excerpt for this \(kind) sample; a full \(kind) preview comes with the preview pane."]
        .flatMap { DisplayWidth.wrap($0, width: max(1, width)) }
    }
    return SafeText.multiline(excerpt).split(separator: "\n", omittingEmptySubsequences: false).flatMap {
      DisplayWidth.wrap(String($0), width: max(1, width))
    }
  }

  /// Draws the excerpt.
  public func render(_ context: RenderContext, in rect: Rect, scroll: Int) {
    let all = lines(width: rect.width)
    let style = context.style(sample.sample.excerpt == nil ? .muted : .text)
    for row in 0..<rect.height {
      let index = scroll + row
      guard index < all.count else { break }
      context.terminal.put(text: all[index], in: rect.row(row), style: style)
    }
  }

  /// Lines the body has at `width`.
  public func lineCount(width: Int) -> Int? { lines(width: width).count }
}

/// The right-hand pane of the Samples tab: a sample's facts, then its body.
public struct SamplePreviewPane {
  /// Makes the body for a sample; replace to draw richer previews per modality.
  public var bodyFactory: (SampleRow) -> any SamplePreviewBody = { ExcerptPreviewBody(sample: $0) }
  /// Lines scrolled in the body.
  public private(set) var scroll = 0
  private var lastLineCount = 0
  private var lastHeight = 0

  /// A pane with the excerpt body.
  public init() {}

  /// Scrolls the body (clamped at draw time).
  public mutating func scroll(by lines: Int) {
    scroll = max(0, min(scroll + lines, max(0, lastLineCount - lastHeight)))
  }

  /// Back to the top (a new sample was selected).
  public mutating func resetScroll() { scroll = 0 }

  /// Draws the facts of `sample` and its body into `rect`.
  public mutating func render(_ context: RenderContext, sample: SampleRow?, in rect: Rect) {
    let terminal = context.terminal
    terminal.drawBox(rect, style: context.style(.border), title: "Preview", titleStyle: context.style(.accent))
    let inner = rect.inset(by: 1).inset(left: 1, right: 1)
    guard !inner.isEmpty else { return }
    guard let sample else {
      terminal.put(text: "No sample selected", in: inner.row(0), style: context.style(.muted))
      return
    }
    let facts = Self.facts(of: sample, format: context.format)
    for (index, (label, value)) in facts.enumerated() where index < inner.height {
      let y = inner.y + index
      terminal.put(text: label, in: Rect(x: inner.x, y: y, width: 10, height: 1), style: context.style(.muted))
      terminal.put(
        text: value, in: Rect(x: inner.x + 10, y: y, width: inner.width - 10, height: 1), style: context.style(.text))
    }
    let bodyRect = inner.inset(top: facts.count + 1)
    guard !bodyRect.isEmpty else { return }
    let body = bodyFactory(sample)
    lastLineCount = body.lineCount(width: bodyRect.width) ?? 0
    lastHeight = bodyRect.height
    scroll = max(0, min(scroll, max(0, lastLineCount - lastHeight)))
    body.render(context, in: bodyRect, scroll: scroll)
  }

  /// The facts line by line: what every sample has, then what its kind adds.
  static func facts(of row: SampleRow, format: TUIFormat) -> [(String, String)] {
    let sample = row.sample
    var facts: [(String, String)] = [
      ("Sample", "#\(sample.ordinal + 1)"), ("File", SafeText.line(row.relativePath)),
      ("Type", sample.mediaType.rawValue),
      ("Bytes", "\(format.bytes(sample.length)) at offset \(format.count(Int(sample.offset)))"),
      ("SHA-256", String(sample.sha256.prefix(16))),
    ]
    if let width = sample.width, let height = sample.height { facts.append(("Pixels", "\(width) × \(height)")) }
    if let millis = sample.durationMillis {
      facts.append(("Duration", format.duration(seconds: Double(millis) / 1000)))
    }
    if let language = sample.language { facts.append(("Language", SafeText.line(language))) }
    return facts
  }
}
