import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// The new-job form's clean settings (minimum length, checkpoint interval, attempts):
/// typed, queued with the job, and refused in the form when out of range.
@Suite struct NewJobSettingsTests {
  static let slug = "millbrook-ledger-articles-2019"

  @Test func settingsTypedInTheFormAreQueuedWithTheJob() throws {
    let (_, _, owner) = try JobsDemo.build()
    let (app, terminal) = TUIHarness.app(session: owner, size: Size(width: 120, height: 40))
    try JobsDemo.open(Self.slug, tab: .jobs, in: app)
    // Tick quality (fifth step), then the three fields below the steps.
    let down = InputEvent.key(.down)
    TUIHarness.type(
      app, terminal,
      [.key(.character("n"))] + Array(repeating: down, count: 5) + [.key(.character(" ")), down, down]
        + [.key(.character("2")), .key(.character("0")), down, .key(.character("5")), .key(.character("0")), down]
        + [.key(.character("4"))])
    #expect(terminal.snapshotText().contains("Min length (quality)"))
    TUIHarness.type(app, terminal, [.key(.enter)])
    #expect(app.overlay == nil, "\(terminal.snapshotText())")
    let job = try #require(try owner.jobs(dataset: Self.slug).first?.job)
    #expect(job.parameters.contains("\"min_length\":20"))
    #expect(job.parameters.contains("\"checkpoint_every\":50"))
    #expect(job.maxAttempts == 4)
  }

  @Test func anOutOfRangeSettingStaysInTheFormAsItsSentence() throws {
    let (_, _, owner) = try JobsDemo.build()
    let (app, terminal) = TUIHarness.app(session: owner, size: Size(width: 120, height: 40))
    try JobsDemo.open(Self.slug, tab: .jobs, in: app)
    // Max attempts is the last field: 1 kind + 6 steps + 3 fields.
    TUIHarness.type(
      app, terminal,
      [.key(.character("n"))] + Array(repeating: InputEvent.key(.down), count: 9) + [
        .key(.character("9")), .key(.character("9")), .key(.enter),
      ])
    #expect(app.overlay != nil)
    #expect(terminal.snapshotText().contains("must be between 1 and 20"))
    #expect(try owner.jobs(dataset: Self.slug).isEmpty)
  }
}

/// A PII scan asked for from the TUI on a dataset without text is recorded at once over
/// what the catalog knows of it, as `portal scan` does, instead of failing.
@Suite struct NewJobScanTests {
  @Test func scanningAnImageDatasetFromTheFormRecordsAScan() throws {
    let (_, _, owner) = try JobsDemo.build()
    let slug = "photo-and-illustration-library"
    let before = try owner.publicationChecklist(slug).items.first { $0.kind == .piiScan }
    let (app, terminal) = TUIHarness.app(session: owner, size: Size(width: 120, height: 40))
    try JobsDemo.open(slug, tab: .jobs, in: app)
    // Kind is the first field: one step right is "PII scan".
    TUIHarness.type(app, terminal, [.key(.character("n")), .key(.right), .key(.enter)])
    #expect(app.overlay == nil, "\(terminal.snapshotText())")
    #expect(terminal.snapshotText().contains("scanned \(slug)"))
    let after = try #require(try owner.publicationChecklist(slug).items.first { $0.kind == .piiScan })
    #expect(before?.met != true)
    #expect(after.explanation != before?.explanation)
    #expect(try owner.jobs(dataset: slug).isEmpty)  // nothing queued: the scan is recorded
  }
}
