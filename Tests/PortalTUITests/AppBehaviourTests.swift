import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import Testing

@testable import PortalTUI

@Suite(.serialized) struct AppBehaviourTests {
  @Test func anotherSessionsChangeShowsAndTheSelectionStaysOnTheSameDataset() throws {
    let test = try TestCatalog("live", demo: true)
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    for name in ["Bravo", "Delta"] {
      let root = try SampleTree.write(into: TemporaryDirectory("tree-\(name)"))
      try test.owner.importDataset(ImportRequest(paths: [root.path], name: name))
    }
    let (app, terminal) = TUIHarness.app(session: test.owner, size: Size(width: 100, height: 20))
    TUIHarness.type(app, terminal, [.key(.character("j"))])
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.current?.dataset.name == "Delta")
    // Another session adds a dataset that sorts first: Delta moves down a row.
    let other = try PortalSession.open(location: test.location)
    let root = try SampleTree.write(into: TemporaryDirectory("tree-alpha"))
    try other.importDataset(ImportRequest(paths: [root.path], name: "Alpha"))
    app.catalogDidChange()
    app.settle()
    #expect(terminal.snapshotText().contains("Alpha"))
    #expect(screen.current?.dataset.name == "Delta")
    #expect(screen.table.cursor == 2)
  }

  @Test func thePollerNoticesAnotherProcessWithoutAKeyPress() throws {
    let test = try TestCatalog("poll", demo: true)
    defer { test.remove() }
    let root = try SampleTree.write(into: TemporaryDirectory("tree-poll"))
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "First"))
    let (app, terminal) = TUIHarness.app(session: test.owner, size: Size(width: 100, height: 20))
    app.startWatching()
    let second = try SampleTree.write(into: TemporaryDirectory("tree-poll-2"))
    try PortalSession.open(location: test.location).importDataset(ImportRequest(paths: [second.path], name: "Second"))
    let deadline = Date().addingTimeInterval(5)
    while !terminal.snapshotText().contains("Second") && Date() < deadline {
      app.mailbox.wait(timeout: 0.1)
      app.settle()
    }
    #expect(terminal.snapshotText().contains("Second"))
  }

  @Test func searchAsYouTypeNarrowsTheListAndEscapeClearsIt() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 120, height: 30))
    TUIHarness.type(app, terminal, [.key(.character("/"))] + InputEvent.typing("oral"))
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.window.total == 1)
    #expect(terminal.snapshotText().contains("Library centenary oral"))
    TUIHarness.type(app, terminal, [.key(.escape)])
    #expect(screen.window.total == 9)
  }

  @Test func keysTypedFasterThanQueriesCoalesceIntoTheLastQuery() throws {
    let demo = try DemoFixture.get()
    let terminal = VirtualTerminal(size: Size(width: 120, height: 30))
    let app = App(session: demo.owner, terminal: terminal, options: TUIHarness.options())
    terminal.enqueue([.key(.character("/"))] + InputEvent.typing("scanned"))
    app.settle()
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.query.text == "scanned")
    #expect(screen.window.rows.map(\.dataset.name).allSatisfy { $0.lowercased().contains("scan") })
  }

  /// An unknown TERM is said on the status line, whole at 80 columns (not cut on the
  /// title bar), until the first key brings the key hints back.
  @Test func theTerminalNoticeIsReadableOnTheStatusLineUntilAKey() throws {
    let demo = try DemoFixture.get()
    let notice = "TERM 'no-such-terminal-xyz' is unknown here; drawing as xterm-256color"
    var options = TUIHarness.options()
    options.terminalNotice = notice
    let terminal = VirtualTerminal(size: Size(width: 80, height: 24))
    let app = App(session: demo.owner, terminal: terminal, options: options)
    app.settle()
    var rows = terminal.snapshotText().components(separatedBy: "\n").filter { !$0.isEmpty }
    #expect(rows.last?.contains(notice) == true, "\(rows.last ?? "")")
    #expect(rows.first?.contains("unknown") == false)
    TUIHarness.type(app, terminal, [.key(.character("j"))])
    rows = terminal.snapshotText().components(separatedBy: "\n").filter { !$0.isEmpty }
    #expect(rows.last?.contains("Search") == true && rows.last?.contains("unknown") == false, "\(rows.last ?? "")")
  }

  /// A click on a column title sorts by that column; a second click reverses it.
  @Test func clickingAColumnTitleSortsByIt() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 120, height: 40))
    let rows = terminal.snapshotText().components(separatedBy: "\n")
    let headerRow = try #require(rows.firstIndex { $0.contains("Name↑") })
    let header = rows[headerRow]
    let title = try #require(header.range(of: "Samples"))
    let x = header.distance(from: header.startIndex, to: title.lowerBound) + 2
    let click = InputEvent.mouse(MouseEvent(.leftClick, at: Point(x: x, y: headerRow)))
    TUIHarness.type(app, terminal, [click])
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.query.sort == .samples && !screen.query.descending)
    #expect(terminal.snapshotText().contains("Samples↑"))
    TUIHarness.type(app, terminal, [click])
    #expect(screen.query.sort == .samples && screen.query.descending)
    #expect(screen.table.cursor == 0, "a header click does not move the cursor")
  }

  /// The wheel over the preview pane scrolls the sample and leaves the list's cursor.
  @Test func theWheelOverThePreviewScrollsTheSample() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 120, height: 40))
    // Le Messager du Léman: text samples long enough to scroll.
    TUIHarness.type(app, terminal, [.key(.character("j")), .key(.enter), .key(.character("2"))])
    let screen = try #require(app.topScreen as? DatasetScreen)
    #expect(waitUntil(app) { screen.preview.preview != nil })
    func offset() -> Int64? {
      if case .text(let page) = screen.preview.preview?.content { return page.offset }
      return nil
    }
    let before = try #require(offset())
    let pane = screen.preview.lastRect
    let wheel = InputEvent.mouse(MouseEvent(.wheelDown, at: Point(x: pane.x + pane.width / 2, y: pane.y + 5)))
    TUIHarness.type(app, terminal, [wheel])
    #expect(waitUntil(app) { (offset() ?? before) > before }, "the preview did not move")
    #expect(screen.lists[.samples]?.cursor == 0, "the list cursor stayed on the first sample")
  }

  @Test func themesSwitchLiveFromThePalette() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 100, height: 24))
    TUIHarness.type(app, terminal, [.key(.character(":"))] + InputEvent.typing("theme light") + [.key(.enter)])
    #expect(app.theme.name == "light")
    #expect(app.overlay == nil)
  }

  @Test func aReviewerWithoutPreviewSeesWhyInTheSamplesTab() throws {
    let demo = try DemoFixture.get()
    let viewer = try PortalSession.open(location: demo.location, identity: .demo(login: "tomasz"))
    let (app, terminal) = TUIHarness.app(session: viewer, size: Size(width: 100, height: 24))
    let screen = try #require(app.topScreen as? DatasetsScreen)
    let index = try #require(screen.window.rows.firstIndex { $0.dataset.slug == "library-centenary-oral-histories" })
    TUIHarness.type(
      app, terminal, Array(repeating: .key(.character("j")), count: index) + [.key(.enter), .key(.character("2"))])
    #expect(terminal.snapshotText().contains("not allowed"))
  }

  @Test func quittingFromTheHomeScreenEndsTheLoop() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 80, height: 24))
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("q"))])
    #expect(app.isRunning)
    TUIHarness.type(app, terminal, [.key(.character("q"))])
    #expect(!app.isRunning)
  }
}

/// Paging through a long list never leaves placeholder rows waiting.
@Suite struct DatasetsPagingTests {
  @Test func pagingDownTwiceRightAfterTheFirstFrameLoadsEveryVisibleRow() throws {
    let directory = try TemporaryDirectory("paging")
    defer { directory.remove() }
    let session = try SyntheticCatalog.build(
      at: CatalogLocation(directory: directory.appending("catalog")), datasets: 400, samples: 800)
    // The first window is asked for before the table knows its height, so it is small;
    // the taller window from the same start must still be fetched (it was skipped as a
    // duplicate, leaving "…" rows until something else changed).
    let (app, terminal) = TUIHarness.app(session: session, size: Size(width: 120, height: 40))
    TUIHarness.type(app, terminal, [.key(.pageDown), .key(.pageDown)])
    let placeholders = terminal.snapshotText().split(separator: "\n").filter {
      $0.trimmingCharacters(in: .whitespaces) == "…"
    }
    #expect(placeholders.isEmpty, "\(terminal.snapshotText())")
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.table.cursor >= 40)
  }
}
