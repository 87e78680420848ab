import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import Testing

@testable import PortalTUI

/// The governance and export dialogs driven through the App with scripted keys, over
/// real sessions on a real catalog.
@Suite(.serialized) struct GovernanceBehaviourTests {
  private func day(inDays days: Int) -> String {
    GovernanceDates.day(of: Date().addingTimeInterval(Double(days) * 86_400))?.description ?? ""
  }

  @Test func addingAGrantWithAnExpiryShowsTheRowWithItsBadgeAndLeavesAnAuditEvent() throws {
    let fixture = try GovernanceTUIFixture("tui-grant")
    defer { fixture.remove() }
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("3")), .key(.character("a"))])
    #expect(app.overlay is GrantDialog)
    // A malformed principal is refused in the dialog, which stays open.
    TUIHarness.type(app, terminal, text: "robot:x")
    TUIHarness.press(app, terminal, .enter)
    #expect(app.overlay is GrantDialog)
    #expect(terminal.snapshotText().contains("is not a principal"))
    TUIHarness.type(app, terminal, [.key(.ctrl("u"))])
    TUIHarness.type(app, terminal, text: "lab:training")
    TUIHarness.type(app, terminal, [.key(.tab), .key(.right), .key(.tab)])
    TUIHarness.type(app, terminal, text: day(inDays: 10))
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil && terminal.snapshotText().contains("lab:training") })
    let text = terminal.snapshotText()
    #expect(text.contains("download"))
    #expect(text.contains("expires in 10 days"))
    let grants = try fixture.test.owner.grants(on: fixture.slugs[0])
    #expect(
      grants.contains { $0.grant.principal == "lab:training" && $0.grant.permission == .download && $0.expiringSoon })
    let events = try fixture.test.owner.auditEvents(dataset: fixture.slugs[0], limit: 50)
    #expect(events.contains { $0.action == "grant.create" && $0.actor == "stella" })
  }

  @Test func aViewerIsToldWhyTheyMayNotAddAGrant() throws {
    let fixture = try GovernanceTUIFixture("tui-viewer")
    defer { fixture.remove() }
    let (app, terminal) = try fixture.app(as: "rita")
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("3")), .key(.character("a"))])
    #expect(app.overlay == nil)
    #expect(app.visibleToasts.contains { $0.contains("may not manage grants") })
  }

  @Test func rejectingWithoutAReasonIsRefusedAndWithAReasonSucceeds() throws {
    let fixture = try GovernanceTUIFixture("tui-reject")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    let vic = try fixture.session("vic")
    let asked = try vic.requestAccess(slug, permission: .preview, purpose: "evaluate OCR quality", durationDays: 30)
    let (app, terminal) = try fixture.app()
    TUIHarness.press(app, terminal, .character("I"))
    #expect(app.topScreen is RequestsScreen)
    #expect(terminal.snapshotText().contains("evaluate OCR quality"))
    TUIHarness.type(app, terminal, [.key(.character("x")), .key(.enter)])
    #expect(app.overlay is RejectDialog)
    #expect(terminal.snapshotText().contains("needs a reason"))
    #expect(try vic.accessRequests().first?.state == .pending)
    TUIHarness.type(app, terminal, text: "not for this purpose")
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil })
    let decided = try #require(try vic.accessRequests().first { $0.request.id == asked.id })
    #expect(decided.state == .rejected)
    #expect(decided.request.reason == "not for this purpose")
    #expect(terminal.snapshotText().contains("No pending requests"))
  }

  @Test func approvingFromTheInboxGrantsUntilTheRequestedDurationAndTheRequesterCanWithdraw() throws {
    let fixture = try GovernanceTUIFixture("tui-approve")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    let vic = try fixture.session("vic")
    try vic.requestAccess(slug, permission: .preview, purpose: "look at samples", durationDays: 7)
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.character("I")), .key(.character("a"))])
    #expect(terminal.snapshotText().contains(day(inDays: 7)))
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil })
    let grant = try #require(try fixture.test.owner.grants(on: slug).first { $0.grant.principal == "vic" })
    #expect(grant.grant.permission == .preview)
    #expect(grant.grant.expiresAt.map { GovernanceDates.day(of: $0)?.description } == day(inDays: 7))

    // The requester withdraws a second request from "my requests".
    try vic.requestAccess(slug, permission: .download, purpose: "export", durationDays: nil)
    let (mine, screen) = TUIHarness.app(session: vic, size: Size(width: 120, height: 30))
    TUIHarness.type(mine, screen, [.key(.character("I")), .key(.character("m"))])
    #expect(screen.snapshotText().contains("My requests"))
    let requests = try #require(mine.topScreen as? RequestsScreen)
    #expect(requests.selected?.request.permission == .download)
    TUIHarness.type(mine, screen, [.key(.character("w")), .key(.left), .key(.enter)])
    #expect(
      waitUntil(mine) { (try? vic.accessRequests().first { $0.request.permission == .download }?.state) == .withdrawn })
  }

  @Test func publishingIsRefusedUntilTheChecklistPassesThenNeedsTheTypedConfirmation() throws {
    let fixture = try GovernanceTUIFixture("tui-publish")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    try fixture.describe(slug)
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("v"))])
    let dialog = try #require(app.overlay as? VisibilityDialog)
    #expect(waitUntil(app) { dialog.shownChecklist != nil })
    #expect(!dialog.publishEnabled)
    // Request publication (the first enabled button).
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { (try? fixture.test.owner.showDataset(slug).summary.dataset.visibility) == .publicPending })
    #expect(waitUntil(app) { dialog.shownChecklist?.items.first?.met == true })
    #expect(!dialog.publishEnabled)
    let text = terminal.snapshotText()
    #expect(text.contains("✗ PII scan"))
    #expect(text.contains("✗ Reviewer sign-off"))
    // A clean scan and another reviewer's sign-off make it publishable.
    try fixture.test.recordPIIScan(slug, findings: 0)
    try fixture.session("rita").signOff(slug, note: "checked")
    dialog.reload(app: app)
    #expect(waitUntil(app) { dialog.publishEnabled })
    #expect(terminal.snapshotText().contains("✓ PII scan"))
    TUIHarness.type(app, terminal, [.key(.right), .key(.enter)])
    TUIHarness.type(app, terminal, text: "yes")
    TUIHarness.press(app, terminal, .enter)
    #expect(terminal.snapshotText().contains("Type the word publish"))
    #expect(try fixture.test.owner.showDataset(slug).summary.dataset.visibility == .publicPending)
    TUIHarness.type(app, terminal, [.key(.ctrl("u"))])
    TUIHarness.type(app, terminal, text: "publish")
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { (try? fixture.test.owner.showDataset(slug).summary.dataset.visibility) == .public })
    // Making it private again is refused, with the reason, in the dialog.
    #expect(waitUntil(app) { dialog.shownChecklist?.items.first?.explanation == "already public" })
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { terminal.snapshotText().contains("cannot be undone") })
    #expect(try fixture.test.owner.showDataset(slug).summary.dataset.visibility == .public)
  }

  @Test func aReviewerSignsOffFromTheDatasetScreenAndAViewerSeesNoVisibilityMoves() throws {
    let fixture = try GovernanceTUIFixture("tui-signoff")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    try fixture.describe(slug)
    try fixture.session("stella").requestPublication(slug)
    let (app, terminal) = try fixture.app(as: "rita")
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("s"))])
    #expect(app.overlay is ConfirmOverlay)
    TUIHarness.type(app, terminal, [.key(.left), .key(.enter)])
    #expect(
      waitUntil(app) {
        (try? fixture.test.owner.publicationChecklist(slug).items.first { $0.kind == .signoff }?.met) == true
      })
    TUIHarness.press(app, terminal, .character("v"))
    #expect(app.overlay == nil)
    #expect(app.visibleToasts.contains { $0.contains("Only the owner or a steward") })
    let (viewer, screen) = try fixture.app(as: "vic")
    TUIHarness.type(viewer, screen, [.key(.character("v"))])
    let dialog = try #require(viewer.overlay as? VisibilityDialog)
    #expect(waitUntil(viewer) { dialog.shownChecklist != nil })
    #expect(!dialog.publishEnabled)
    #expect(screen.snapshotText().contains("Only the dataset's owner or a steward"))
  }

  @Test func aBulkTagAddAndARequestApprovedFromTheAccessTab() throws {
    let fixture = try GovernanceTUIFixture("tui-bulk-tags", datasets: ["Alpha", "Bravo"])
    defer { fixture.remove() }
    let (app, terminal) = try fixture.app()
    // Change: visibility → sensitivity → add tags.
    TUIHarness.type(app, terminal, [.key(.character(" ")), .key(.character(" ")), .key(.character("b"))])
    TUIHarness.type(app, terminal, [.key(.right), .key(.right), .key(.tab)])
    TUIHarness.type(app, terminal, text: "maritime, records")
    TUIHarness.press(app, terminal, .enter)
    let dialog = try #require(app.overlay as? BulkChangeDialog)
    #expect(waitUntil(app) { dialog.plan != nil })
    #expect(dialog.plan?.changeCount == 2)
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil })
    for slug in fixture.slugs {
      #expect(try fixture.test.owner.showDataset(slug).summary.dataset.tags == ["maritime", "records"])
    }

    try fixture.session("vic").requestAccess(
      fixture.slugs[0], permission: .evaluate, purpose: "benchmarks", durationDays: 20)
    app.catalogDidChange()
    TUIHarness.type(app, terminal, [.key(.character("g")), .key(.enter), .key(.character("3")), .key(.character("A"))])
    #expect(app.overlay is ApproveDialog)
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil })
    #expect(
      try fixture.test.owner.grants(on: fixture.slugs[0]).contains {
        $0.grant.principal == "vic" && $0.grant.permission == .evaluate
      })
    #expect(waitUntil(app) { terminal.snapshotText().contains("user:vic") })
  }

  @Test func aBulkPreviewWithARefusalAppliesNothingAllOrNoneAndTheRestWhenSkipping() throws {
    let fixture = try GovernanceTUIFixture("tui-bulk", datasets: ["Alpha", "Bravo"])
    defer { fixture.remove() }
    let (alpha, bravo) = (fixture.slugs[0], fixture.slugs[1])
    for slug in [alpha, bravo] {
      try fixture.describe(slug)
      try fixture.session("stella").requestPublication(slug)
    }
    try fixture.test.recordPIIScan(bravo, findings: 0)
    try fixture.session("rita").signOff(bravo)
    try fixture.test.owner.publish(bravo, confirmedIrreversible: true)
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.character(" ")), .key(.character(" ")), .key(.character("b"))])
    let dialog = try #require(app.overlay as? BulkChangeDialog)
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { dialog.plan != nil })
    let plan = try #require(dialog.plan)
    #expect(plan.hasRefusals)
    #expect(plan.changeCount == 1)
    #expect(terminal.snapshotText().contains("refused"))
    // All or none: refused, nothing written.
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { dialog.plan != nil && terminal.snapshotText().contains("nothing was changed") })
    #expect(try fixture.test.owner.showDataset(alpha).summary.dataset.visibility == .publicPending)
    // Skipping the refused one writes the rest.
    TUIHarness.type(app, terminal, [.key(.right), .key(.enter)])
    #expect(waitUntil(app) { app.overlay == nil })
    #expect(try fixture.test.owner.showDataset(alpha).summary.dataset.visibility == .private)
    #expect(try fixture.test.owner.showDataset(bravo).summary.dataset.visibility == .public)
    #expect(app.visibleToasts.contains { $0.contains("Applied 1 change(s) to 1 dataset(s)") })
  }

  @Test func anEditMeetingSomeoneElsesChangeShowsWhatChangedAndOverwritesOnlyWhenAsked() throws {
    let fixture = try GovernanceTUIFixture("tui-edit")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("e"))])
    let dialog = try #require(app.overlay as? MetadataEditDialog)
    #expect(waitUntil(app) { terminal.snapshotText().contains("Description") })
    TUIHarness.type(app, terminal, text: "Harbour notes, 1890-1910")
    // Someone else edits the tags meanwhile.
    try fixture.session("stella").editDataset(slug, MetadataChange(tags: ["maritime"]))
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { terminal.snapshotText().contains("Someone else changed") })
    #expect(terminal.snapshotText().contains("Tags: - → maritime"))
    #expect(try fixture.test.owner.showDataset(slug).summary.dataset.description == "")
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay !== dialog })
    let saved = try fixture.test.owner.showDataset(slug).summary.dataset
    #expect(saved.description == "Harbour notes, 1890-1910")
    #expect(saved.tags == ["maritime"])
  }

  @Test func anEditWithABadLanguageTagIsRefusedInTheForm() throws {
    let fixture = try GovernanceTUIFixture("tui-edit-lang")
    defer { fixture.remove() }
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("e"))])
    #expect(waitUntil(app) { terminal.snapshotText().contains("Languages") })
    TUIHarness.press(app, terminal, .tab)
    TUIHarness.type(app, terminal, text: "en, english!")
    TUIHarness.press(app, terminal, .enter)
    #expect(terminal.snapshotText().contains("not a BCP-47 language tag"))
    #expect(app.overlay is MetadataEditDialog)
  }

  @Test func anExportWritesABundleWhoseChecksumsVerify() throws {
    let fixture = try GovernanceTUIFixture("tui-export")
    defer { fixture.remove() }
    let target = try TemporaryDirectory("tui-export-target")
    defer { target.remove() }
    let bundle = target.appending("bundle").path
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.character("x")), .key(.ctrl("u"))])
    #expect(app.overlay is ExportDialog)
    TUIHarness.type(app, terminal, text: bundle)
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil })
    #expect(app.visibleToasts.contains { $0.contains("Exported") && $0.contains("files") })
    let check = try Shell.run("/usr/bin/env", ["sha256sum", "-c", "SHA256SUMS"], currentDirectory: bundle)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    #expect(check.stdout.contains(": OK"))
  }

  @Test func anExportOfAPendingDatasetWithAFailingChecklistSaysWhichItemsFail() throws {
    let fixture = try GovernanceTUIFixture("tui-export-refused")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    try fixture.describe(slug)
    try fixture.session("stella").requestPublication(slug)
    let target = try TemporaryDirectory("tui-export-refused-target")
    defer { target.remove() }
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.character("x")), .key(.ctrl("u"))])
    TUIHarness.type(app, terminal, text: target.appending("b").path)
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { terminal.snapshotText().contains("PII scan") })
    #expect(app.overlay is ExportDialog)
    #expect(!FileManager.default.fileExists(atPath: target.appending("b/SHA256SUMS").path))
  }
}
