import Portal
import PortalCore
import PortalMedia
import TerminalKit

/// The right-hand pane of the Samples tab: the real preview of the sample under the
/// cursor (text page, JSON, table, PDF page, half-block image, waveform, key frames),
/// drawn by ``PreviewRenderer`` at the terminal's colour depth.
///
/// The pane never reads files on the UI thread: when what it should show (sample, size,
/// position, search, page) differs from what it has, drawing asks for a build through
/// `onRequest` (the screen submits it as background work) and keeps showing the last
/// preview of the same sample meanwhile, so paging does not flicker.
public struct SamplePreviewPane {
  /// What to build: a sample at a position, sized for the pane.
  public struct Request: Hashable, Sendable {
    /// The dataset's slug.
    public var dataset: String
    /// The sample's ordinal in the current version.
    public var ordinal: Int
    /// The body's size in cells.
    public var size: Size
    /// Where a text page starts.
    public var position: TextPosition
    /// A search inside the sample.
    public var search: TextSearch?
    /// The PDF page.
    public var page: Int

    /// The options `PortalSession.preview` is called with.
    public var options: PreviewOptions {
      PreviewRenderer.options(for: size, base: PreviewOptions(position: position, search: search, page: page))
    }
  }

  /// Whether the pane has focus (its keys apply instead of the list's).
  public var hasFocus = false
  /// Asks for a preview to be built off the UI thread (set by the screen).
  var onRequest: ((Request) -> Void)?
  var position = TextPosition.start
  var search: TextSearch?
  var page = 1
  var view = PreviewViewState()
  private(set) var shown: (request: Request, preview: SamplePreview)?
  private(set) var failure: (request: Request, reason: String)?
  private var requested: Request?
  private var last = PreviewDrawResult()
  private var lastBodyHeight = 1
  /// Where the pane was last drawn (the mouse wheel scrolls it there).
  private(set) var lastRect = Rect(x: 0, y: 0, width: 0, height: 0)
  /// First-row offsets of the text pages scrolled past, so `k` and PgUp retrace them.
  private var rowHistory: [Int64] = []

  /// A pane with nothing shown yet.
  public init() {}

  /// The preview being shown, if any (tests and the search prompt).
  public var preview: SamplePreview? { shown?.preview }

  /// A build came back: keep it if it is still what the pane wants.
  mutating func deliver(_ request: Request, _ result: Result<SamplePreview, any Error>) {
    guard request == requested else { return }
    switch result {
    case .success(let preview):
      shown = (request, preview)
      failure = nil
    case .failure(let error):
      failure = (request, SafeText.line("\(error)"))
    }
  }

  /// Back to the top of a newly selected sample.
  public mutating func resetScroll() {
    position = .start
    search = nil
    page = 1
    view = PreviewViewState()
    rowHistory = []
  }

  /// Scrolls by lines: text pages move by rows, laid-out content by its scroll offset.
  public mutating func scroll(by lines: Int) {
    guard let preview = shown?.preview else { return }
    if case .text(let page) = preview.content {
      if lines > 0, page.rows.count > 1, page.nextOffset != nil {
        rowHistory.append(page.offset)
        position = .row(page.rows[min(lines, page.rows.count - 1)].offset)
      } else if lines < 0 {
        if let back = rowHistory.popLast() {
          position = .row(back)
        } else if let previous = page.previousOffset {
          position = .row(previous)
        }
      }
      search = nil
    } else {
      view.scroll = max(0, min(view.scroll + lines, last.maxScroll))
    }
  }

  /// A page down (`forward`) or up.
  mutating func pageScroll(forward: Bool) {
    guard let preview = shown?.preview else { return }
    if case .text(let page) = preview.content {
      if forward, let next = page.nextOffset {
        rowHistory.append(page.offset)
        position = .row(next)
      } else if !forward, let previous = page.previousOffset {
        rowHistory.removeAll()
        position = .row(previous)
      }
      search = nil
    } else {
      scroll(by: (forward ? 1 : -1) * max(1, lastBodyHeight - 1))
    }
  }

  /// To the start or the end of the sample.
  mutating func jump(toEnd: Bool) {
    rowHistory.removeAll()
    search = nil
    position = toEnd ? .end : .start
    view.scroll = toEnd ? last.maxScroll : 0
  }

  /// Tables: scrolls columns sideways.
  mutating func scrollColumns(by delta: Int) {
    view.columnOffset = max(0, min(view.columnOffset + delta, last.maxColumnOffset))
  }

  /// PDFs: turns the page; a sentence when there is no page that way.
  mutating func turnPage(by delta: Int) -> String? {
    guard case .document(let document) = shown?.preview.content else { return "Only PDF samples have pages." }
    let target = page + delta
    if target < 1 { return "This is the first page." }
    if let count = document.pageCount, target > count { return "This is the last page (\(count))." }
    page = target
    view.scroll = 0
    return nil
  }

  /// Starts a search for `query` from the page shown; a sentence when it cannot search.
  mutating func startSearch(_ query: String) -> String? {
    guard case .text(let page) = shown?.preview.content else { return "Search works in text samples." }
    guard !query.isEmpty else { return nil }
    search = TextSearch(query: query, forward: true, from: page.offset - 1)
    return nil
  }

  /// `n`/`N`: the next or previous match of the last search.
  mutating func nextMatch(forward: Bool) -> String? {
    guard case .text(let page) = shown?.preview.content, let outcome = page.search else {
      return "No search yet: press / to search in the sample."
    }
    let query = search?.query ?? outcome.query
    // An unfinished search goes on from where it stopped; a found one steps past its match.
    let from = outcome.match ?? (outcome.complete ? page.offset : outcome.searchedTo)
    search = TextSearch(query: query, forward: forward, from: from)
    return nil
  }

  /// Draws the preview of `sample` of `dataset` into `rect`, asking for a build if needed.
  public mutating func render(_ context: RenderContext, dataset: String, sample: SampleRow?, in rect: Rect) {
    let terminal = context.terminal
    lastRect = rect
    let border = hasFocus ? context.style(.accent).adding(.bold) : context.style(.border)
    let title = hasFocus ? "Preview (focused: / search, Tab back)" : "Preview"
    terminal.drawBox(rect, style: border, title: title, titleStyle: context.style(.accent))
    let inner = rect.inset(by: 1).inset(left: 1, right: 1)
    guard !inner.isEmpty else { return }
    guard let sample else {
      terminal.put(text: "No sample selected", in: inner.row(0), style: context.style(.muted))
      return
    }
    let wanted = Request(
      dataset: dataset, ordinal: sample.sample.ordinal, size: Size(width: inner.width, height: inner.height),
      position: position, search: search, page: page)
    lastBodyHeight = max(1, inner.height - PreviewRenderer.headerRows)
    if let failure, failure.request == wanted {
      terminal.put(text: terminal.glyphs.cross + " " + failure.reason, in: inner.row(0), style: context.style(.error))
      return
    }
    if wanted != requested, shown?.request != wanted {
      requested = wanted
      onRequest?(wanted)
    }
    // While a new page of the same sample loads, the old one stays up.
    guard let shown, shown.request.dataset == dataset, shown.request.ordinal == wanted.ordinal else {
      terminal.put(text: "Loading preview…", in: inner.row(0), style: context.style(.muted))
      return
    }
    last = PreviewRenderer(styles: Self.styles(context)).draw(shown.preview, into: terminal, in: inner, state: view)
    view.scroll = min(view.scroll, last.maxScroll)
    view.columnOffset = min(view.columnOffset, last.maxColumnOffset)
  }

  /// The renderer's looks from the theme (so monochrome stays monochrome).
  static func styles(_ context: RenderContext) -> PreviewStyles {
    var styles = PreviewStyles()
    styles.title = context.style(.accent).adding(.bold)
    styles.facts = context.style(.muted)
    styles.notice = context.style(.warning)
    styles.failure = context.style(.error).adding(.bold)
    styles.match = context.theme[.selection]
    styles.highlighted = context.theme[.selection]
    return styles
  }
}
