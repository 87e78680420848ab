import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// A demo catalog of its own (jobs change it; the shared demo must stay as the goldens saw it).
enum JobsDemo {
  static func build() throws -> (TemporaryDirectory, CatalogLocation, PortalSession) {
    let directory = try TemporaryDirectory("tui-jobs")
    let location = CatalogLocation(directory: directory.appending("catalog"))
    return (directory, location, try DemoCatalog.build(at: location))
  }

  /// Steps the app until `condition` holds or `seconds` pass (no sleeping: waits on the mailbox).
  static func wait(_ app: App, seconds: TimeInterval = 60, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      app.settle(timeout: 5)
      if condition() { return true }
      app.mailbox.wait(timeout: 0.2)
    }
    app.settle(timeout: 1)
    return condition()
  }

  /// Opens `slug` on `tab` directly (as Enter on its row does).
  static func open(_ slug: String, tab: DatasetScreen.Tab, in app: App) throws {
    let summary = try #require(try app.session.listDatasets(limit: 100).first { $0.dataset.slug == slug })
    app.push(DatasetScreen(summary: summary, tab: tab))
    app.settle()
  }
}

/// The Samples tab's real previews, the Jobs screen and tab and the new-job form as goldens
/// (80×24 and 120×40, default and monochrome), and the job flow driven through the app.
@Suite(.serialized) struct JobsAndPreviewTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
  static let looks: [(String, ColorDepth)] = [("default", .ansi256), ("monochrome", .mono)]

  @Test(arguments: [
    ("samples-text", "le-messager-du-leman-articles-2019", 0),
    ("samples-image", "photo-and-illustration-library", 0),
    ("samples-audio", "library-centenary-oral-histories", 0),
  ])
  func theSamplesTabShowsTheRealPreview(name: String, slug: String, down: Int) throws {
    let demo = try DemoFixture.get()
    for size in Self.sizes {
      for (theme, depth) in Self.looks {
        let terminal = VirtualTerminal(size: size, colorDepth: depth)
        let app = App(session: demo.owner, terminal: terminal, options: TUIHarness.options(theme: theme))
        app.settle()
        try JobsDemo.open(slug, tab: .samples, in: app)
        #expect(!terminal.snapshotText().contains("Loading preview"))
        assertSnapshot(terminal, named: "jobs/\(name)_\(size.width)x\(size.height)_\(theme)")
      }
    }
  }

  @Test func pageDownInTheFocusedPreviewMovesThroughTheTextAndSearchFindsAMatch() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 140, height: 24))
    try JobsDemo.open("le-messager-du-leman-articles-2019", tab: .samples, in: app)
    let screen = try #require(app.topScreen as? DatasetScreen)
    #expect(screen.kind == .dataset)
    TUIHarness.type(app, terminal, [.key(.enter)])
    #expect(screen.kind == .preview)
    let before = terminal.snapshotText()
    #expect(before.contains("line 1 ·"))
    TUIHarness.type(app, terminal, [.key(.pageDown)])
    let after = terminal.snapshotText()
    #expect(after != before)
    #expect(!after.contains("line 1 ·"))
    // The list cursor did not move: PgDn belonged to the preview.
    #expect(screen.position.hasPrefix("Samples 1/"))
    TUIHarness.type(app, terminal, [.key(.character("/"))] + InputEvent.typing("Thonon") + [.key(.enter)])
    #expect(terminal.snapshotText().contains("/Thonon"))
    #expect(!terminal.snapshotText().contains("not found"))
    TUIHarness.type(app, terminal, [.key(.tab)])
    #expect(screen.kind == .dataset)
  }

  @Test func jobViewsAndTheFormMatchTheirGoldens() throws {
    let (_, _, owner) = try JobsDemo.build()
    let slug = "millbrook-ledger-articles-2019"
    try owner.queueClean(slug, steps: ["normalize", "dedup"])
    owner.runWorker(options: WorkerOptions(idlePoll: 0.05, once: true))
    try owner.queueScan(slug)
    for size in Self.sizes {
      for (theme, depth) in Self.looks {
        let suffix = "\(size.width)x\(size.height)_\(theme)"
        let terminal = VirtualTerminal(size: size, colorDepth: depth)
        let app = App(session: owner, terminal: terminal, options: TUIHarness.options(theme: theme))
        app.settle()
        TUIHarness.type(app, terminal, [.key(.character("J"))])
        assertSnapshot(terminal, named: "jobs/jobs-screen_\(suffix)")
        TUIHarness.type(app, terminal, [.key(.character("q"))])
        try JobsDemo.open(slug, tab: .jobs, in: app)
        assertSnapshot(terminal, named: "jobs/dataset-jobs-tab_\(suffix)")
        TUIHarness.type(app, terminal, [.key(.character("n"))])
        assertSnapshot(terminal, named: "jobs/new-job-form_\(suffix)")
      }
    }
  }

  @Test func aCleanQueuedFromTheFormRunsInTheEmbeddedWorkerAndEndsInAToast() throws {
    let (_, _, owner) = try JobsDemo.build()
    let slug = "millbrook-ledger-articles-2019"
    let (app, terminal) = TUIHarness.app(session: owner, size: Size(width: 120, height: 30))
    try JobsDemo.open(slug, tab: .jobs, in: app)
    #expect(terminal.snapshotText().contains("No jobs yet"))
    // The form: clean is the default kind; tick "quality" as well, then queue.
    TUIHarness.type(
      app, terminal,
      [
        .key(.character("n")), .key(.down), .key(.down), .key(.down), .key(.down), .key(.down), .key(.character(" ")),
        .key(.enter),
      ])
    #expect(app.overlay == nil)
    #expect(app.visibleToasts.contains { $0.contains("queued clean of \(slug)") })
    let queued = try owner.jobs(dataset: slug)
    #expect(queued.count == 1)
    #expect(queued.first.map { $0.job.parameters.contains("quality") } == true)
    #expect(terminal.snapshotText().contains("queued"))
    app.startEmbeddedWorker(options: WorkerOptions(idlePoll: 0.05))
    defer { app.stopEmbeddedWorker() }
    let finished = JobsDemo.wait(app) { app.visibleToasts.contains { $0.contains("succeeded") } }
    #expect(finished, "no success toast; toasts: \(app.visibleToasts)")
    #expect(app.visibleToasts.contains { $0.contains("clean of \(slug) succeeded → version 2") })
    #expect(terminal.snapshotText().contains("succeeded"))
  }

  @Test func aViewerIsToldWhyTheyCannotQueue() throws {
    let (_, location, _) = try JobsDemo.build()
    let viewer = try PortalSession.open(location: location, identity: .demo(login: "tomasz"))
    let (app, terminal) = TUIHarness.app(session: viewer, size: Size(width: 100, height: 30))
    let slug = "archive-catalogue-1904-2019"
    // The demo published this dataset after a real PII scan job; no other job is added.
    let before = try viewer.jobs(dataset: slug).count
    try JobsDemo.open(slug, tab: .overview, in: app)
    TUIHarness.type(app, terminal, [.key(.character("n")), .key(.enter)])
    #expect(app.overlay != nil, "the form stays open with the refusal")
    #expect(terminal.snapshotText().lowercased().contains("not allowed"))
    #expect(try viewer.jobs(dataset: slug).count == before)
  }

  @Test func cancellingAQueuedJobAsksFirst() throws {
    let (_, _, owner) = try JobsDemo.build()
    let row = try owner.queueClean("millbrook-ledger-articles-2019", steps: ["normalize"])
    let (app, terminal) = TUIHarness.app(session: owner, size: Size(width: 120, height: 30))
    TUIHarness.type(app, terminal, [.key(.character("J")), .key(.character("c"))])
    #expect(terminal.snapshotText().contains("Cancel job"))
    TUIHarness.type(app, terminal, [.key(.escape)])
    #expect(try owner.job(try #require(row.job.id)).job.state == .queued)
    TUIHarness.type(app, terminal, [.key(.character("c")), .key(.left), .key(.enter)])
    #expect(try owner.job(try #require(row.job.id)).job.state == .cancelled)
    #expect(terminal.snapshotText().contains("cancelled"))
    TUIHarness.type(app, terminal, [.key(.character("r"))])
    #expect(try owner.job(try #require(row.job.id)).job.state == .queued)
    TUIHarness.type(app, terminal, [.key(.enter)])
    #expect(terminal.snapshotText().contains("Parameters"))
    #expect(terminal.snapshotText().contains("\"normalize\""))
  }
}
