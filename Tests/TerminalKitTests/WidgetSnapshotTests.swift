import TerminalKitTesting
import Testing

@testable import TerminalKit

/// Golden renderings of each widget at fixed sizes (see `__snapshots__/`).
@Suite struct WidgetSnapshotTests {
  @Test func listShowsPointerOnCursorItemAndScrolls() {
    var list = ListView(items: ["Datasets", "Jobs", "Access requests", "Audit log", "Settings", "Quit"])
    assertRendering("list", size: Size(width: 16, height: 4)) { terminal in
      list.render(into: terminal, in: Rect(size: terminal.size))
      for _ in 0..<4 { _ = list.handle(.key(.down), in: Rect(size: terminal.size)) }
      list.render(into: terminal, in: Rect(size: terminal.size))
    }
  }

  @Test func pagerWrapsByWidthAndHighlightsMatches() {
    var pager = TextPager(
      text:
        "Partner data arrives as Press archives and press kits. 日本語の記事も含まれます。\nEach archive is reviewed before publication."
    )
    pager.query = "press"
    assertRendering("pager_search", size: Size(width: 24, height: 6)) { terminal in
      pager.render(into: terminal, in: Rect(size: terminal.size))
      pager.jumpToMatch()
      pager.render(into: terminal, in: Rect(size: terminal.size))
    }
  }

  @Test func formFieldsRender() {
    var name = TextField(text: "報告 2026 draft")
    var empty = TextField(placeholder: "search…")
    var date = DateField()
    for event in InputEvent.typing("2027-02-30") { _ = date.handle(event) }
    let select = SelectField(options: ["public", "internal", "restricted"], selectedIndex: 1)
    let checkbox = Checkbox(label: "Notify owner", isChecked: true)
    let unchecked = Checkbox(label: "Dry run")
    assertRendering("form", size: Size(width: 24, height: 6)) { terminal in
      name.render(into: terminal, in: Rect(x: 0, y: 0, width: 12, height: 1), focused: true)
      empty.render(into: terminal, in: Rect(x: 0, y: 1, width: 12, height: 1), focused: false)
      date.render(into: terminal, in: Rect(x: 0, y: 2, width: 12, height: 1), focused: false)
      select.render(into: terminal, in: Rect(x: 0, y: 3, width: 16, height: 1), focused: true)
      checkbox.render(into: terminal, in: Rect(x: 0, y: 4, width: 24, height: 1), focused: false)
      unchecked.render(into: terminal, in: Rect(x: 0, y: 5, width: 24, height: 1), focused: true)
    }
  }

  @Test func confirmDialogIsCentredWithCancelFocused() {
    var dialog = Dialog.confirm(
      title: "Publish dataset", message: "Publish 'press-2019' to all reviewers? This cannot be undone.",
      confirmLabel: "Publish")
    dialog.preferredWidth = 34
    assertRendering("dialog_confirm", size: Size(width: 40, height: 9)) { terminal in
      terminal.fill(Rect(size: terminal.size), with: "·", style: Style(attributes: .dim))
      dialog.render(into: terminal, in: Rect(size: terminal.size))
    }
  }

  @Test func tabBarAndStatusBar() {
    var tabs = TabBar(titles: ["Datasets", "Jobs", "Audit"], selectedIndex: 1)
    let status = StatusBar(
      hints: [KeyHint("q", "Quit"), KeyHint("/", "Search"), KeyHint("Enter", "Open"), KeyHint("?", "Help")],
      right: "12/3,400")
    assertRendering("tabs_status", size: Size(width: 40, height: 3)) { terminal in
      tabs.render(into: terminal, in: Rect(x: 0, y: 0, width: 40, height: 1))
      status.render(into: terminal, in: Rect(x: 0, y: 2, width: 40, height: 1))
    }
  }

  @Test func statusBarDropsHintsThatDoNotFitAndKeepsTheRightSegment() {
    let status = StatusBar(
      hints: [KeyHint("q", "Quit"), KeyHint("/", "Search"), KeyHint("Enter", "Open"), KeyHint("?", "Help")],
      right: "TERM 'foot' is unknown here; drawing as xterm-256color")
    assertRendering("status_truncated", size: Size(width: 36, height: 1)) { terminal in
      status.render(into: terminal, in: Rect(size: terminal.size))
    }
  }

  @Test func toastsByKind() {
    assertRendering("toasts", size: Size(width: 30, height: 4), depth: .ansi16) { terminal in
      Toast("Saved", kind: .success).render(into: terminal, in: Rect(x: 0, y: 0, width: 30, height: 1))
      Toast("Job queued", kind: .info).render(into: terminal, in: Rect(x: 0, y: 1, width: 30, height: 1))
      Toast("Disk 91% full", kind: .warning).render(into: terminal, in: Rect(x: 0, y: 2, width: 30, height: 1))
      Toast("Cannot read sample 12 of press-2019", kind: .error)
        .render(into: terminal, in: Rect(x: 0, y: 3, width: 30, height: 1))
    }
  }

  @Test func progressBarsWithEighthsAndAsciiFallback() {
    let bars = [
      ProgressBar(fraction: 0, label: "dedupe"),
      ProgressBar(fraction: 0.4375, label: "redact", detail: "4.1 MB/s, 0:42 left"),
      ProgressBar(fraction: 1, label: "export", detail: "done"),
    ]
    for glyphs in [Glyphs.unicode, .ascii] {
      assertRendering(
        "progress_\(glyphs.isASCII ? "ascii" : "unicode")", size: Size(width: 52, height: 4), glyphs: glyphs
      ) {
        terminal in
        for (index, bar) in bars.enumerated() {
          bar.render(into: terminal, in: Rect(x: 0, y: index, width: 52, height: 1))
        }
        // Too narrow for the detail: it is dropped before the bar shrinks below 8 cells.
        bars[1].render(into: terminal, in: Rect(x: 0, y: 3, width: 24, height: 1))
      }
    }
  }

  @Test func sparklineAndWaveform() {
    let sparkline = Sparkline(values: [1, 2, 3, 5, 8, 13, 8, 5, 3, 2, 1, 0])
    let samples = (0..<240).map { index -> Float in
      let envelope = Float(index) / 240
      return envelope * (index % 6 < 3 ? 1 : -1) * 0.9
    }
    let waveform = Waveform(samples: samples + Array(repeating: 0, count: 60))
    for glyphs in [Glyphs.unicode, .ascii] {
      assertRendering(
        "charts_\(glyphs.isASCII ? "ascii" : "unicode")", size: Size(width: 20, height: 6), glyphs: glyphs
      ) {
        terminal in
        sparkline.render(into: terminal, in: Rect(x: 0, y: 0, width: 20, height: 1))
        waveform.render(into: terminal, in: Rect(x: 0, y: 1, width: 20, height: 5))
      }
    }
  }
}
