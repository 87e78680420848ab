import Foundation
import Portal
import PortalCore
import PortalTesting
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// Enter on a finished job shows the produced version's lineage and report, not the
/// checkpoint (resume state, base64 pipeline data).
@Suite struct JobDetailOverlayTests {
  @Test func theJobDetailShowsTheVersionsReportAndLineage() throws {
    let (_, _, owner) = try JobsDemo.build()
    let slug = "millbrook-ledger-articles-2019"
    let row = try owner.queueClean(slug, steps: ["normalize", "dedup"])
    owner.runWorker(options: WorkerOptions(idlePoll: 0.05, once: true))
    #expect(try owner.job(try #require(row.job.id)).job.state == .succeeded)
    let (app, terminal) = TUIHarness.app(session: owner, size: Size(width: 120, height: 40))
    TUIHarness.type(app, terminal, [.key(.character("J")), .key(.enter)])
    let screen = terminal.snapshotText()
    #expect(screen.contains("Lineage"))
    #expect(screen.contains("version 1 → version 2, by job \(row.job.id ?? 0) (clean)"))
    #expect(screen.contains("STEP"))
    #expect(screen.contains("dedup"))
    #expect(!screen.contains("checkpoint"))
    #expect(!screen.contains("pipeline"))
  }
}
