import Foundation
import Portal
import TerminalKit

extension App {
  /// The context screens draw with: the theme adapted to the terminal's colours.
  var renderContext: RenderContext {
    RenderContext(
      terminal: terminal, theme: theme.adapted(to: terminal.colorDepth), keyMap: keyMap, format: options.format)
  }

  /// Draws the whole frame into the back buffer and presents it once; the terminal
  /// sends only the cells that changed.
  public func renderFrame() {
    let context = renderContext
    let bounds = terminal.bounds
    terminal.hideCursor()
    terminal.fill(bounds, style: context.style(.background))
    guard bounds.width >= 20, bounds.height >= 5 else {
      terminal.put(
        text: "Too small (\(bounds.width)x\(bounds.height)); need 20x5", in: bounds.row(0),
        style: context.style(.warning))
      terminal.present()
      return
    }
    updateTour()
    let rows = Layout.rows(bounds, [.fixed(1), .fill, .fixed(1)])
    // The body first: rendering settles the cursor that the title bar's position shows.
    if let screen = topScreen { screen.render(context, in: rows[1]) }
    renderTitleBar(context, in: rows[0])
    if let overlay { overlay.render(context, in: rows[1]) }
    renderTour(context, body: rows[1])
    renderToasts(context, in: rows[1])
    renderStatusBar(context, in: rows[2])
    terminal.present()
    markFirstFrame()
  }

  private func renderTitleBar(_ context: RenderContext, in rect: Rect) {
    let style = context.style(.header)
    terminal.fill(rect, style: style)
    let separator = context.glyphs.isASCII ? " > " : " › "
    let crumbs = (["Partner Portal"] + screens.map(\.title)).joined(separator: separator)
    let right = topScreen?.position ?? ""
    let rightWidth = min(DisplayWidth.of(right), rect.width / 2)
    let leftRect = Rect(x: rect.x + 1, y: rect.y, width: rect.width - rightWidth - 3, height: 1)
    terminal.put(text: crumbs, in: leftRect, style: style)
    if rightWidth > 0 {
      terminal.put(
        text: right, in: Rect(x: rect.maxX - rightWidth - 1, y: rect.y, width: rightWidth, height: 1), style: style)
    }
  }

  private func renderStatusBar(_ context: RenderContext, in rect: Rect) {
    let actor = session.actor
    var right = "\(actor.login) (\(actor.role.rawValue)) @ \(options.catalogLabel)"
    if !othersHere.isEmpty { right = "also here: " + othersHere.joined(separator: ", ") + "  " + right }
    if let importStatus { right = importStatus + "  " + right }
    let header = context.style(.header)
    // How the terminal was started (unknown TERM, locale) takes the status line, read in
    // full, until the first key; who, where and who else is here follow when there is room.
    if terminalNoticeVisible, let notice = options.terminalNotice {
      let style = context.style(.warning).adding(.reverse)
      let text = " ! \(notice)"
      terminal.fill(rect, style: style)
      terminal.put(
        text: DisplayWidth.truncate(text, to: rect.width, ellipsis: context.glyphs.ellipsis), in: rect.row(0),
        style: style)
      let room = rect.width - DisplayWidth.of(text) - 2
      if room >= 12 {
        let shown = DisplayWidth.truncate(" \(right) ", to: room, ellipsis: context.glyphs.ellipsis)
        let width = DisplayWidth.of(shown)
        terminal.put(text: shown, in: Rect(x: rect.maxX - width, y: rect.y, width: width, height: 1), style: header)
      }
      return
    }
    let hints = (topScreen?.hints ?? []).compactMap { action, label in
      keyMap.primaryKey(of: action).map { KeyHint($0, label) }
    }
    var fixed: [KeyHint] = []
    for (action, label) in [(ActionID.help, "Help"), (.palette, "Cmd"), (.back, screens.count > 1 ? "Back" : "Quit")] {
      if let key = keyMap.primaryKey(of: action) { fixed.append(KeyHint(key, label)) }
    }
    var bar = StatusBar(hints: hints + fixed, right: right)
    bar.styles.bar = header
    bar.styles.right = header
    bar.styles.key = header.adding(.bold).adding(.underline)
    bar.render(into: terminal, in: rect)
  }

  private func renderToasts(_ context: RenderContext, in rect: Rect) {
    var bottom = rect.maxY
    for entry in toasts.reversed() where bottom > rect.y {
      var toast = entry.toast
      let role: ThemeRole =
        switch toast.kind {
        case .info: .accent
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
      toast.style = context.style(role).adding(.reverse)
      toast.render(into: terminal, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: bottom - rect.y))
      bottom -= 1
    }
  }

  private func markFirstFrame() {
    guard !firstFrameMarked, let screen = topScreen as? DatasetsScreen, screen.isLoaded else { return }
    firstFrameMarked = true
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    trace.mark("first-frame-epoch-ns", value: UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec))
  }
}
