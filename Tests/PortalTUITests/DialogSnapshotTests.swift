import Foundation
import Portal
import PortalCore
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// The dialogs no other golden covers — grant, confirm, job details, request access,
/// approve and reject a request, the import while it runs, the focused preview with its
/// search prompt — at 80×24 and 120×40 in the default and monochrome themes
/// (`__snapshots__/dialogs`).
@Suite(.serialized) struct DialogSnapshotTests {
  static let variants: [(Size, String, ColorDepth)] = [
    (Size(width: 80, height: 24), "default", .ansi256), (Size(width: 80, height: 24), "monochrome", .mono),
    (Size(width: 120, height: 40), "default", .ansi256), (Size(width: 120, height: 40), "monochrome", .mono),
  ]
  /// Dates the dialogs show are fixed so the goldens do not age.
  static let fixedNow = Date(timeIntervalSince1970: 1_735_732_800)  // 2025-01-01 12:00 UTC

  private func snapshots(
    _ name: String, sourceLocation: SourceLocation = #_sourceLocation, _ open: (App, VirtualTerminal) throws -> Void
  ) throws {
    let demo = try DemoFixture.get()
    for (size, theme, depth) in Self.variants {
      let (app, terminal) = TUIHarness.app(session: demo.owner, size: size, depth: depth, theme: theme)
      try open(app, terminal)
      #expect(waitUntil(app) { !app.hasPendingWork })
      app.settle()
      assertSnapshot(
        terminal, named: "dialogs/\(name)_\(size.width)x\(size.height)_\(theme)", sourceLocation: sourceLocation)
    }
  }

  private func firstDataset(_ app: App) throws -> Dataset {
    let screen = try #require(app.topScreen as? DatasetsScreen)
    return try #require(screen.current?.dataset)
  }

  private func request(_ app: App) throws -> RequestRow {
    let dataset = try firstDataset(app)
    return RequestRow(
      request: AccessRequest(
        id: 7, datasetID: dataset.id ?? 0, principalKind: .lab, principal: "lab:evaluation", permission: .evaluate,
        purpose: "Held-out evaluation of the summarisation model on archive material.", durationDays: 90,
        requestedBy: 1, createdAt: Self.fixedNow),
      datasetSlug: dataset.slug, datasetName: dataset.name, requestedByLogin: "rita", now: Self.fixedNow)
  }

  @Test func theGrantDialog() throws {
    try snapshots("grant") { app, _ in
      let dataset = try firstDataset(app)
      app.present(GrantDialog(reference: dataset.slug, datasetName: dataset.name))
    }
  }

  @Test func theConfirmOverlay() throws {
    try snapshots("confirm") { app, _ in
      app.present(
        ConfirmOverlay(
          title: "Revoke grant", message: "Revoke lab:evaluation evaluate on Archive catalogue? They lose access now.",
          confirmLabel: "Revoke"
        ) { _ in })
    }
  }

  @Test func theJobDetailOverlay() throws {
    try snapshots("job-detail") { app, _ in
      let dataset = try firstDataset(app)
      let job = Job(
        id: 42, kind: .clean, datasetID: dataset.id ?? 0, versionID: dataset.currentVersionID,
        parameters: #"{"steps":["normalize","dedup"],"language":"en"}"#, state: .failed, attempt: 3,
        maxAttempts: 3, runAt: Self.fixedNow, progressDone: 120, progressTotal: 640,
        error: "dedup: the shingle index could not be written (disk full)", queuedBy: 1)
      let row = JobRow(
        job: job, datasetSlug: dataset.slug, datasetName: dataset.name, queuedByLogin: "amara", inputVersionNumber: 1)
      app.present(JobDetailOverlay(row: row, report: nil, format: app.options.format))
    }
  }

  @Test func theApproveAndRejectDialogs() throws {
    try snapshots("approve") { app, _ in app.present(ApproveDialog(row: try request(app), now: Self.fixedNow)) }
    try snapshots("reject") { app, _ in app.present(RejectDialog(row: try request(app))) }
  }

  @Test func theRequestAccessDialog() throws {
    try snapshots("request-access") { app, _ in app.present(RequestAccessDialog(dataset: try firstDataset(app))) }
  }

  @Test func theImportDialogWhileItRuns() throws {
    try snapshots("import-running") { app, _ in
      let screen = try #require(app.topScreen as? DatasetsScreen)
      let dialog = ImportDialog(screen: screen)
      dialog.showRunning(
        path: "/srv/archive/press-2019", name: "Press 2019",
        progress: ImportProgress(
          phase: .reading, filesDone: 1_200, filesTotal: 4_000, bytesDone: 300_000_000,
          bytesTotal: 1_000_000_000, samples: 52_000, elapsed: 12))
      app.present(dialog)
    }
  }

  @Test func theFocusedPreviewWithItsSearchPrompt() throws {
    try snapshots("preview-search") { app, terminal in
      // Le Messager (text samples): open, Samples tab, focus the preview, search.
      TUIHarness.type(
        app, terminal,
        [.key(.character("j")), .key(.enter), .key(.character("2")), .key(.enter), .key(.character("/"))]
          + InputEvent.typing("Léman"))
      #expect(app.overlay is PreviewSearchPrompt)
    }
  }
}
