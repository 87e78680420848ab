import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// The governance and export views at 80×24 and 120×40 in the default and monochrome
/// themes, against goldens under `__snapshots__/governance`.
@Suite(.serialized) struct GovernanceSnapshotTests {
  static let variants: [(Size, String, ColorDepth)] = [
    (Size(width: 80, height: 24), "default", .ansi256), (Size(width: 80, height: 24), "monochrome", .mono),
    (Size(width: 120, height: 40), "default", .ansi256), (Size(width: 120, height: 40), "monochrome", .mono),
  ]

  /// Snapshots `name` in every variant; `open` drives a fresh app to the view.
  private func snapshots(
    _ name: String, session: () throws -> PortalSession, sourceLocation: SourceLocation = #_sourceLocation,
    _ open: (App, VirtualTerminal) throws -> Void
  ) throws {
    for (size, theme, depth) in Self.variants {
      let (app, terminal) = TUIHarness.app(session: try session(), size: size, depth: depth, theme: theme)
      try open(app, terminal)
      #expect(waitUntil(app) { !app.hasPendingWork })
      app.settle()
      assertSnapshot(
        terminal, named: "governance/\(name)_\(size.width)x\(size.height)_\(theme)", sourceLocation: sourceLocation)
    }
  }

  private func keys(_ app: App, _ terminal: VirtualTerminal, _ text: String) {
    TUIHarness.type(app, terminal, text.map { $0 == "\n" ? .key(.enter) : .key(.character($0)) })
  }

  @Test func theAccessTabShowsGrantsWithBadgesAndPendingRequests() throws {
    let demo = try DemoFixture.get()
    // Reader services conversations: a grant expiring in 12 days and a pending request.
    try snapshots("access", session: { demo.owner }) { app, terminal in keys(app, terminal, "jjjjjjj\n3") }
  }

  @Test func theInboxListsPendingRequests() throws {
    let demo = try DemoFixture.get()
    try snapshots("inbox", session: { demo.owner }) { app, terminal in keys(app, terminal, "I") }
  }

  @Test func theVisibilityDialogShowsTheChecklistFailingThenPassing() throws {
    let fixture = try GovernanceTUIFixture("snap-visibility")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    try fixture.describe(slug)
    try fixture.session("stella").requestPublication(slug)
    try snapshots("visibility-failing", session: { try fixture.session("stella") }) { app, terminal in
      keys(app, terminal, "\nv")
    }
    try fixture.test.recordPIIScan(slug, findings: 0)
    try fixture.session("rita").signOff(slug, note: "read every sample")
    try snapshots("visibility-passing", session: { try fixture.session("stella") }) { app, terminal in
      keys(app, terminal, "\nv")
    }
  }

  @Test func theBulkPreviewShowsARefusalWithItsReason() throws {
    let fixture = try GovernanceTUIFixture("snap-bulk", datasets: ["Alpha", "Bravo", "Charlie"])
    defer { fixture.remove() }
    let (alpha, bravo) = (fixture.slugs[0], fixture.slugs[1])
    for slug in [alpha, bravo] {
      try fixture.describe(slug)
      try fixture.session("stella").requestPublication(slug)
    }
    try fixture.test.recordPIIScan(bravo, findings: 0)
    try fixture.session("rita").signOff(bravo)
    try fixture.test.owner.publish(bravo, confirmedIrreversible: true)
    try snapshots("bulk-preview", session: { try fixture.session("stella") }) { app, terminal in
      keys(app, terminal, "   b\nj")
    }
  }

  @Test func theEditFormAndItsConflictMessage() throws {
    let fixture = try GovernanceTUIFixture("snap-edit")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    try snapshots("edit-form", session: { try fixture.session("stella") }) { app, terminal in
      keys(app, terminal, "\ne")
    }
    let before = try fixture.test.owner.showDataset(slug).summary.dataset
    try fixture.test.owner.editDataset(slug, MetadataChange(tags: ["maritime", "records"]))
    try snapshots("edit-conflict", session: { try fixture.session("stella") }) { app, terminal in
      keys(app, terminal, "\ne")
      let dialog = try #require(app.overlay as? MetadataEditDialog)
      #expect(waitUntil(app) { !app.hasPendingWork })
      dialog.load(before)
      keys(app, terminal, "Harbour notes, 1890-1910\n")
    }
  }

  @Test func theExportDialogIdleAndRunning() throws {
    let demo = try DemoFixture.get()
    try snapshots("export-idle", session: { demo.owner }) { app, terminal in
      let screen = try #require(app.topScreen as? DatasetsScreen)
      let dataset = try #require(screen.current?.dataset)
      app.present(ExportDialog(dataset: dataset, directory: "/srv/bundles/\(dataset.slug)"))
    }
    try snapshots("export-progress", session: { demo.owner }) { app, terminal in
      let screen = try #require(app.topScreen as? DatasetsScreen)
      let dataset = try #require(screen.current?.dataset)
      let dialog = ExportDialog(dataset: dataset, directory: "/srv/bundles/\(dataset.slug)")
      dialog.showProgress(
        ExportProgress(
          phase: .data, filesDone: 3, filesTotal: 8, bytesDone: 1_200_000, bytesTotal: 4_800_000,
          currentFile: "catalogue/1904.csv"),
        elapsed: 2)
      app.present(dialog)
    }
  }
}
