import Foundation
import Portal
import PortalCore
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// Every screen and dialog at 80×24 and 120×40 in the default and monochrome themes,
/// compared with the goldens under `__snapshots__` (PORTAL_UPDATE_SNAPSHOTS=1 rewrites them).
@Suite(.serialized) struct ScreenSnapshotTests {
  /// A named walk from the home screen to the view to snapshot.
  struct View: Sendable, CustomStringConvertible {
    var name: String
    var keys: [InputEvent]
    var description: String { name }
  }

  static let views: [View] = [
    View(name: "datasets", keys: []),
    View(name: "datasets-cursor", keys: [.key(.character("j")), .key(.character("j")), .key(.character(" "))]),
    View(name: "datasets-search", keys: [.key(.character("/"))] + InputEvent.typing("press")),
    View(name: "datasets-filter", keys: [.key(.character("f")), .key(.right), .key(.right)]),
    View(name: "datasets-sorted", keys: [.key(.character("3")), .key(.character("3"))]),
    View(name: "dataset-overview", keys: [.key(.character("j")), .key(.character("j")), .key(.enter)]),
    View(name: "dataset-samples", keys: [.key(.character("j")), .key(.enter), .key(.character("2"))]),
    View(
      name: "dataset-access", keys: [.key(.character("j")), .key(.character("j")), .key(.enter), .key(.character("3"))]),
    View(name: "dataset-jobs", keys: [.key(.enter), .key(.character("4"))]),
    View(name: "dataset-versions", keys: [.key(.enter), .key(.character("5"))]),
    View(
      name: "dataset-audit", keys: [.key(.character("j")), .key(.character("j")), .key(.enter), .key(.character("6"))]),
    View(name: "help", keys: [.key(.character("?"))]),
    View(name: "palette", keys: [.key(.character(":"))] + InputEvent.typing("sort")),
    View(name: "import", keys: [.key(.character("i"))] + InputEvent.typing("/nonexistent-dir")),
  ]

  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  @Test(arguments: views)
  func viewMatchesGoldenInDefaultAndMonochrome(_ view: View) throws {
    let demo = try DemoFixture.get()
    for size in Self.sizes {
      for (theme, depth) in [("default", ColorDepth.ansi256), ("monochrome", .mono)] {
        let (app, terminal) = TUIHarness.app(session: demo.owner, size: size, depth: depth, theme: theme)
        TUIHarness.type(app, terminal, view.keys)
        assertSnapshot(terminal, named: "\(view.name)_\(size.width)x\(size.height)_\(theme)")
      }
    }
  }

  @Test func asciiGlyphsDrawNoBoxCharacters() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(
      session: demo.owner, size: Size(width: 80, height: 24), depth: .ansi16, glyphs: .ascii)
    TUIHarness.type(app, terminal, [.key(.enter), .key(.character("2"))])
    assertSnapshot(terminal, named: "dataset-samples_80x24_ascii")
    #expect(!terminal.snapshotText().contains("─"))
  }

  @Test func aTinyTerminalSaysSoInsteadOfDrawingGarbage() throws {
    let demo = try DemoFixture.get()
    let (_, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 18, height: 4))
    #expect(terminal.snapshotText().contains("Too small"))
  }
}
