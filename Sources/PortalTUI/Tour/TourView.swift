import Foundation
import TerminalKit

/// Draws the tour: a box with the step's title, text, `step k/N` and key hints, and a
/// pointer at the region the step talks about (corner marks around a table, marks around
/// a tab's title, an arrow tag next to a bar).
struct TourView {
  let tour: Tour

  func render(_ context: RenderContext, app: App, body: Rect) {
    guard body.width >= 30, body.height >= 8 else { return }
    let step = tour.current
    let terminal = context.terminal
    let glyphs = context.glyphs
    let width = min(body.width - 2, 72)
    let lines = DisplayWidth.wrap(step.text.joined(separator: " "), width: width - 4).prefix(
      max(1, min(6, body.height - 6)))
    let height = lines.count + 3
    let box = Rect(x: body.x + (body.width - width) / 2, y: body.maxY - height, width: width, height: height)
    let accent = context.style(.accent).adding(.bold)
    let marker = context.style(.accent).adding(.reverse).adding(.bold)

    // The pointer first, so the box stays readable where they meet.
    let target = Self.rect(of: step.target, app: app, body: body, terminal: terminal)
    if let target { drawPointer(at: target, box: box, title: step.title, context: context, style: marker) }

    terminal.fill(box, style: context.style(.background))
    terminal.drawBox(box, style: accent, title: "Tour: \(step.title)", titleStyle: accent)
    let counter = " step \(min(tour.index + 1, tour.steps.count))/\(tour.steps.count) "
    let counterWidth = DisplayWidth.of(counter)
    if box.width > counterWidth + 20 {
      terminal.put(text: counter, at: Point(x: box.maxX - counterWidth - 1, y: box.y), style: accent)
    }
    let inner = box.inset(by: 1).inset(left: 1, right: 1)
    for (row, line) in lines.enumerated() {
      terminal.put(text: line, in: inner.row(row), style: context.style(.text))
    }
    let footer = inner.row(inner.height - 1)
    terminal.put(text: hints(step), in: footer, style: context.style(.muted))
    if let target, target.y >= box.maxY {
      // Bars below the box (the status bar): the arrow sits on the box's bottom edge.
      let x = min(max(target.x + target.width / 2, box.x + 2), box.maxX - 3)
      terminal.put(text: glyphs.arrowDown, at: Point(x: x, y: box.maxY - 1), style: marker)
    }
  }

  private func hints(_ step: TourStep) -> String {
    if tour.mode == .autoplay { return "autoplay · press any key to take over" }
    let next = step.isDone == nil ? "Tab/Enter next" : "Tab do it for me"
    return "\(next) · Shift-Tab back · Esc close tour"
  }

  private func drawPointer(at target: Rect, box: Rect, title: String, context: RenderContext, style: Style) {
    let terminal = context.terminal
    let glyphs = context.glyphs
    if target.height >= 3 {
      // A region: mark its corners (the bottom ones may be under the box).
      let corners = [
        (glyphs.topLeft, Point(x: target.x, y: target.y)),
        (glyphs.topRight, Point(x: target.maxX - 1, y: target.y)),
        (glyphs.bottomLeft, Point(x: target.x, y: target.maxY - 1)),
        (glyphs.bottomRight, Point(x: target.maxX - 1, y: target.maxY - 1)),
      ]
      for (glyph, point) in corners { terminal.put(text: glyph, at: point, style: style) }
      return
    }
    guard target.maxY <= box.y else { return }
    // A bar or a tab above the box: bracket it and hang a tag under it pointing up.
    if target.width < 30 {
      terminal.put(text: glyphs.arrowRight, at: Point(x: target.x, y: target.y), style: style)
      terminal.put(text: glyphs.arrowLeft, at: Point(x: target.maxX - 1, y: target.y), style: style)
    }
    let tag = "\(glyphs.arrowUp) \(title) "
    let tagWidth = min(DisplayWidth.of(tag), 40)
    let x = min(target.x, max(0, terminal.size.width - tagWidth))
    terminal.put(text: tag, in: Rect(x: x, y: target.maxY, width: tagWidth, height: 1), style: style)
  }

  /// Where `target` is on screen now (after the screens drew this frame), if visible.
  static func rect(of target: TourTarget, app: App, body: Rect, terminal: any Terminal) -> Rect? {
    let bounds = terminal.bounds
    let statusBar = Rect(x: bounds.x, y: bounds.maxY - 1, width: bounds.width, height: 1)
    switch target {
    case .none: return nil
    case .titleBar: return Rect(x: bounds.x, y: bounds.y, width: bounds.width, height: 1)
    case .statusBar: return statusBar
    case .overlay:
      guard app.overlay != nil else { return nil }
      let width = min(body.width - 4, 72)
      return Rect(x: body.x + (body.width - width) / 2, y: body.y + 1, width: width, height: min(body.height, 14))
    case .table:
      if let list = app.topScreen as? DatasetsScreen { return nonEmpty(list.lastTableRect) }
      if let screen = app.topScreen as? DatasetScreen {
        return [.samples, .access, .versions, .audit].contains(screen.tab) ? nonEmpty(screen.lastListRect) : nil
      }
      return nil
    case .searchBar:
      guard let list = app.topScreen as? DatasetsScreen else { return nil }
      let table = list.lastTableRect
      // The bar shows only while searching or filtering; before that, point at its key hint.
      return table.y > body.y ? Rect(x: body.x, y: table.y - 1, width: body.width, height: 1) : statusBar
    case .tab(let name):
      guard let screen = app.topScreen as? DatasetScreen else {
        return rect(of: .table, app: app, body: body, terminal: terminal)
      }
      var x = body.x
      for title in screen.tabs.titles {
        let width = DisplayWidth.of(" \(title) ")
        if title == name { return Rect(x: x, y: body.y, width: min(width, body.maxX - x), height: 1) }
        x += width + 1
      }
      return Rect(x: body.x, y: body.y, width: body.width, height: 1)
    }
  }

  private static func nonEmpty(_ rect: Rect) -> Rect? { rect.isEmpty ? nil : rect }
}
