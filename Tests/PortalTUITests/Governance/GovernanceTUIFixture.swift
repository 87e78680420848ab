import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import Testing

@testable import PortalTUI

/// A real catalog in a temporary directory with a steward (stella), a reviewer (rita),
/// a viewer (vic) in the lab team `lab:training`, and small imported datasets; apps
/// over virtual terminals act as one of them.
struct GovernanceTUIFixture {
  let test: TestCatalog
  let data: TemporaryDirectory
  let slugs: [String]

  init(_ label: String, datasets: [String] = ["Harbour notes"]) throws {
    test = try TestCatalog(label, demo: true)
    data = try test.dataDirectory("\(label)-data")
    try test.owner.addUser(login: "stella", role: .steward)
    try test.owner.addUser(login: "rita", role: .reviewer)
    try test.owner.addUser(login: "vic", role: .viewer)
    try test.owner.addGroup(name: "lab:training", kind: .lab, members: ["vic"])
    var slugs: [String] = []
    for name in datasets {
      let root = try SampleTree.write(into: data, at: Slug.make(from: name) ?? name)
      slugs.append(try test.owner.importDataset(ImportRequest(paths: [root.path], name: name)).datasetSlug)
    }
    self.slugs = slugs
  }

  func session(_ login: String) throws -> PortalSession { try test.session(as: login) }

  /// An app acting as `login`, settled on the Datasets screen.
  func app(
    as login: String = "stella", size: Size = Size(width: 120, height: 40), depth: ColorDepth = .ansi256,
    theme: String = "default"
  ) throws -> (App, VirtualTerminal) {
    TUIHarness.app(session: try session(login), size: size, depth: depth, theme: theme)
  }

  /// Fills the metadata the publication checklist needs.
  func describe(_ slug: String) throws {
    try test.owner.editDataset(
      slug, MetadataChange(description: "Field notes and records", licence: "cc-by-4.0", languages: ["en", "fr"]))
  }

  func remove() {
    data.remove()
    test.remove()
  }
}

/// Waits for background work (polling with a deadline, never sleeping blind) and for
/// `condition`.
func waitUntil(_ app: App, timeout: TimeInterval = 20, _ condition: () -> Bool) -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while Date() < deadline {
    app.settle(timeout: max(0.1, deadline.timeIntervalSinceNow))
    if condition() { return true }
    app.mailbox.wait(timeout: 0.05)
  }
  return condition()
}

extension TUIHarness {
  /// Types `text` one key at a time.
  static func type(_ app: App, _ terminal: VirtualTerminal, text: String) {
    type(app, terminal, InputEvent.typing(text))
  }

  /// Presses `key` once.
  static func press(_ app: App, _ terminal: VirtualTerminal, _ key: Key) { type(app, terminal, [.key(key)]) }
}
