import Foundation
import Portal
import PortalCore
import PortalStore
import PortalTesting
import Testing

struct SessionTests {
  @Test func anUnknownAccountIsRefusedWithTheCommandThatAddsIt() throws {
    let test = try TestCatalog("unknown")
    defer { test.remove() }
    #expect {
      try PortalSession.open(location: test.location, identity: .forcedCommand(login: "ghost"))
    } throws: { error in
      "\(error)".contains("portal user add ghost")
    }
  }

  @Test func actingAsAnotherUserOnlyWorksInADemoCatalog() throws {
    let real = try TestCatalog("real")
    defer { real.remove() }
    try real.owner.addUser(login: "rita", role: .reviewer)
    #expect(throws: PortalError.self) { try real.session(as: "rita") }
    let demo = try TestCatalog("demo", demo: true)
    defer { demo.remove() }
    try demo.owner.addUser(login: "rita", role: .reviewer)
    #expect(try demo.session(as: "rita").actor.role == .reviewer)
  }

  @Test func aReviewerWithoutAGrantCannotReadAPrivateDatasetsSamples() throws {
    let test = try TestCatalog("grants", demo: true)
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "Private kit"))
    try test.owner.addUser(login: "rita", role: .reviewer)
    let rita = try test.session(as: "rita")
    #expect(try rita.listDatasets().map(\.dataset.slug) == ["private-kit"])
    #expect(throws: PortalError.self) { try rita.samples(of: "private-kit") }
    // Content matches stay hidden from search too; the name still matches.
    #expect(try rita.search("parcel").isEmpty)
    #expect(try test.owner.search("parcel").count == 1)
    try test.owner.grant("private-kit", to: "rita", kind: .user, permission: .preview)
    #expect(try rita.samples(of: "private-kit").count == SampleTree.expectedSamples)
    #expect(try rita.search("parcel").count == 1)
  }

  @Test func everyChangeLeavesExactlyOneAuditEventAndTheChainVerifies() throws {
    let test = try TestCatalog("audit")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    let root = try SampleTree.write(into: data)
    let before = try test.owner.auditEvents(limit: 1000).count
    try test.owner.importDataset(ImportRequest(paths: [root.path], name: "Kit"))
    try test.owner.editDataset("kit", MetadataChange(description: "Described", languages: ["EN", "fr-ch"]))
    try test.owner.addUser(login: "rita", role: .reviewer)
    try test.owner.grant(
      "kit", to: "rita", kind: .user, permission: .preview, expires: Date().addingTimeInterval(86_400))
    let events = try test.owner.auditEvents(limit: 1000)
    #expect(events.count == before + 4)
    #expect(events.suffix(4).map(\.action) == ["dataset.import", "dataset.edit", "user.add", "grant.create"])
    let edit = try #require(events.first { $0.action == "dataset.edit" })
    #expect(edit.before?.contains("\"description\":\"\"") == true)
    #expect(edit.after?.contains("\"fr-CH\"") == true)
    #expect(try test.owner.verifyAudit().brokenEventID == nil)
    #expect(try test.owner.showDataset("kit").summary.dataset.languages == ["en", "fr-CH"])
  }

  @Test func aStaleEditIsRefusedInsteadOfOverwriting() throws {
    let test = try TestCatalog("stale")
    defer { test.remove() }
    let data = try test.dataDirectory()
    defer { data.remove() }
    try test.owner.importDataset(ImportRequest(paths: [try SampleTree.write(into: data).path], name: "Kit"))
    let revision = try test.owner.showDataset("kit").summary.dataset.revision
    try test.owner.editDataset("kit", MetadataChange(description: "first"), expectedRevision: revision)
    #expect {
      try test.owner.editDataset("kit", MetadataChange(description: "second"), expectedRevision: revision)
    } throws: { error in
      "\(error)".contains("changed by someone else")
    }
  }
}
