import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import Testing

@testable import PortalTUI

/// The TUI's search says when imported sample text is not all indexed yet, and finds
/// the text once it is.
@Suite(.serialized) struct ContentIndexTUITests {
  @Test func searchSaysTheContentIndexIsIncompleteThenFindsTheText() throws {
    let test = try TestCatalog("tui-content-index", demo: true)
    defer { test.remove() }
    let root = try SampleTree.write(into: TemporaryDirectory("tree-content-index"))
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "Field kit", contentIndex: .background))
    let (app, terminal) = TUIHarness.app(session: test.owner, size: Size(width: 120, height: 24))
    TUIHarness.type(app, terminal, [.key(.character("/"))] + InputEvent.typing("parcel"))
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.window.total == 0)
    #expect(terminal.snapshotText().contains("content index 0% built — results may be incomplete"))
    try test.owner.buildContentIndex()
    app.catalogDidChange()
    app.settle()
    #expect(screen.window.total == 1)
    #expect(terminal.snapshotText().contains("Field kit"))
    #expect(!terminal.snapshotText().contains("content index"))
  }
}
