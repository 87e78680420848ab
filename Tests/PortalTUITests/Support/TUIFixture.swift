import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit

@testable import PortalTUI

/// The demo catalog, built once per test process in a temporary directory.
enum DemoFixture {
  struct Built: Sendable {
    let directory: TemporaryDirectory
    let location: CatalogLocation
    let owner: PortalSession
  }

  static let shared: Result<Built, any Error> = Result {
    let directory = try TemporaryDirectory("tui-demo")
    let location = CatalogLocation(directory: directory.appending("catalog"))
    let owner = try DemoCatalog.build(at: location)
    return Built(directory: directory, location: location, owner: owner)
  }

  static func get() throws -> Built { try shared.get() }
}

/// Builds apps over virtual terminals with fixed dates and the repository's themes.
enum TUIHarness {
  static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

  static func options(theme: String = "default", bindings: [String: [String]] = [:]) -> AppOptions {
    AppOptions(
      themeName: theme, keyBindings: bindings, catalogLabel: "demo",
      format: TUIFormat(
        now: { Date() }, timeZone: TimeZone(identifier: "UTC") ?? .current, fixedDateText: "2025-01-01 12:00"),
      themes: ThemeLibrary(directories: [themesDirectory]), watchCatalog: false)
  }

  /// An app on a fresh virtual terminal, settled (first page loaded).
  static func app(
    session: PortalSession, size: Size, depth: ColorDepth = .ansi256, glyphs: Glyphs = .unicode,
    theme: String = "default", bindings: [String: [String]] = [:]
  ) -> (App, VirtualTerminal) {
    let terminal = VirtualTerminal(size: size, colorDepth: depth, glyphs: glyphs)
    let app = App(session: session, terminal: terminal, options: options(theme: theme, bindings: bindings))
    app.settle()
    return (app, terminal)
  }

  /// Feeds keys (one event each) and settles after each, as a person typing would.
  static func type(_ app: App, _ terminal: VirtualTerminal, _ events: [InputEvent]) {
    for event in events {
      terminal.enqueue(event)
      app.settle()
    }
  }
}
