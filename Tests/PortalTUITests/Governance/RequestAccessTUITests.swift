import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import Testing

@testable import PortalTUI

/// What the CLI can do for governance, the TUI can too: ask for access with a purpose
/// and a duration, and set a licence link and a contact in the metadata form.
@Suite(.serialized) struct RequestAccessTUITests {
  @Test func aViewerRequestsAccessFromTheDatasetScreenAndTheOwnerSeesIt() throws {
    let fixture = try GovernanceTUIFixture("tui-request")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    let (app, terminal) = try fixture.app(as: "vic")
    TUIHarness.type(app, terminal, [.key(.enter)])
    #expect(waitUntil(app) { terminal.snapshotText().contains("Request access") }, "hint for a viewer")
    TUIHarness.type(app, terminal, [.key(.character("+"))])
    let dialog = try #require(app.overlay as? RequestAccessDialog)
    // Without a purpose the form refuses and nothing is sent.
    TUIHarness.press(app, terminal, .enter)
    #expect(terminal.snapshotText().contains("Say what the access is for"))
    #expect(try fixture.test.owner.accessRequests(dataset: slug).isEmpty)
    // The refusal put the focus on Purpose: back to Permission, choose download, on to Purpose.
    TUIHarness.type(app, terminal, [.key(.backTab), .key(.right), .key(.tab)])
    TUIHarness.type(app, terminal, text: "Check the OCR quality before training")
    TUIHarness.press(app, terminal, .tab)
    TUIHarness.type(app, terminal, text: "30")
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay !== dialog })
    let requests = try fixture.test.owner.accessRequests(dataset: slug)
    #expect(requests.count == 1)
    let request = try #require(requests.first?.request)
    #expect(request.permission == .download)
    #expect(request.durationDays == 30)
    #expect(request.purpose == "Check the OCR quality before training")
    #expect(request.principal == "vic")
    #expect(app.visibleToasts.contains { $0.contains("Requested download") })
  }

  @Test func theMetadataFormSetsTheLicenceLinkAndContact() throws {
    let fixture = try GovernanceTUIFixture("tui-edit-link")
    defer { fixture.remove() }
    let slug = fixture.slugs[0]
    let (app, terminal) = try fixture.app()
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("e"))])
    #expect(waitUntil(app) { terminal.snapshotText().contains("Licence URL") })
    #expect(terminal.snapshotText().contains("Contact"))
    // Description → Languages → Tags → Licence → Licence URL.
    TUIHarness.type(app, terminal, [.key(.tab), .key(.tab), .key(.tab)])
    TUIHarness.type(app, terminal, text: "LicenseRef-harbour-terms")
    TUIHarness.press(app, terminal, .tab)
    TUIHarness.type(app, terminal, text: "https://example.org/harbour-terms")
    TUIHarness.press(app, terminal, .tab)
    TUIHarness.type(app, terminal, text: "archives@example.org")
    TUIHarness.press(app, terminal, .enter)
    #expect(waitUntil(app) { app.overlay == nil }, "\(terminal.snapshotText())")
    let saved = try fixture.test.owner.showDataset(slug).summary.dataset
    #expect(saved.licenceURL == "https://example.org/harbour-terms")
    #expect(saved.contact == "archives@example.org")
    #expect(saved.licence == "LicenseRef-harbour-terms")
  }
}
