import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

struct PublicationTests {
  func unmet(_ list: PublicationChecklist) -> Set<PublicationChecklist.ItemKind> { Set(list.unmet.map(\.kind)) }

  @Test func theChecklistRefusesEachMissingItemWithItsReasonAndPassesWhenAllAreMet() throws {
    let fixture = try GovernanceFixture("checklist")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    let fresh = try fixture.owner.publicationChecklist(slug)
    #expect(unmet(fresh) == [.requested, .licence, .description, .languages, .piiScan, .signoff, .confirmation])
    #expect(
      fresh.items.first { $0.kind == .piiScan }?.explanation
        == "no PII scan of version 1 — run `portal clean kit --steps pii`")
    #expect(fresh.items.first { $0.kind == .licence }?.explanation.contains("no licence") == true)
    #expect(throws: PortalError.self) { try fixture.owner.publish(slug, confirmedIrreversible: true) }

    try fixture.describe(slug)
    try fixture.session("stella").requestPublication(slug)
    #expect(unmet(try fixture.owner.publicationChecklist(slug)) == [.piiScan, .signoff, .confirmation])
    try fixture.test.recordPIIScan(slug, findings: 3, byType: #"{"email":2,"phone":1}"#)
    let dirty = try fixture.owner.publicationChecklist(slug)
    #expect(
      dirty.items.first { $0.kind == .piiScan }?.explanation.contains("found 3 item(s) (2 email, 1 phone)") == true)
    try fixture.test.recordPIIScan(slug, findings: 0)
    try fixture.session("rita").signOff(slug)
    #expect(unmet(try fixture.owner.publicationChecklist(slug)) == [.confirmation])
    #expect {
      try fixture.owner.publish(slug, confirmedIrreversible: false)
    } throws: { "\($0)".contains("cannot be undone") }
    #expect(try fixture.owner.publicationChecklist(slug, confirmedIrreversible: true).passes)
    try fixture.owner.publish(slug, confirmedIrreversible: true)
    #expect(try fixture.owner.showDataset(slug).summary.dataset.visibility == .public)
  }

  @Test func aNonCommercialOrCustomUnlinkedLicenceIsNotAcceptable() throws {
    let fixture = try GovernanceFixture("licence")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    try fixture.owner.editDataset(slug, MetadataChange(licence: "CC-BY-NC-4.0"))
    let list = try fixture.owner.publicationChecklist(slug)
    #expect(list.items.first { $0.kind == .licence }?.met == false)
    #expect(list.items.first { $0.kind == .licence }?.explanation.contains("forbids commercial use") == true)
    #expect(throws: PortalError.self) { try fixture.owner.editDataset(slug, MetadataChange(licence: "Our own terms")) }
    try fixture.owner.editDataset(
      slug, MetadataChange(licence: "Our own terms", licenceURL: "https://example.org/terms"))
    #expect(try fixture.owner.publicationChecklist(slug).items.first { $0.kind == .licence }?.met == true)
  }

  @Test func publicCannotGoBackToPrivateAndPendingCanBeWithdrawn() throws {
    let fixture = try GovernanceFixture("irreversible")
    defer { fixture.remove() }
    let pending = try fixture.dataset("Pending")
    try fixture.describe(pending)
    try fixture.owner.requestPublication(pending)
    try fixture.owner.withdrawPublication(pending)
    #expect(try fixture.owner.showDataset(pending).summary.dataset.visibility == .private)

    let slug = try fixture.dataset("Kit")
    try fixture.publish(slug)
    #expect {
      try fixture.owner.withdrawPublication(slug)
    } throws: { "\($0)".contains("publication cannot be undone") }
    #expect(throws: PortalError.self) { try fixture.owner.editDataset(slug, MetadataChange(licence: "")) }
    #expect(throws: PortalError.self) { try fixture.owner.removeDataset(slug, confirmation: slug) }
    #expect(try fixture.owner.showDataset(slug).summary.dataset.visibility == .public)
  }

  @Test func aSignOffByTheRequesterDoesNotCount() throws {
    let fixture = try GovernanceFixture("own-signoff")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    try fixture.describe(slug)
    try fixture.test.recordPIIScan(slug, findings: 0)
    try fixture.session("stella").requestPublication(slug)
    // The owner signs off stella's request, then withdraws it and requests it herself.
    try fixture.owner.signOff(slug)
    #expect(try fixture.owner.publicationChecklist(slug, confirmedIrreversible: true).passes)
    try fixture.session("stella").withdrawPublication(slug)
    try fixture.owner.requestPublication(slug)
    let list = try fixture.owner.publicationChecklist(slug, confirmedIrreversible: true)
    #expect(!list.passes)
    #expect(list.items.first { $0.kind == .signoff }?.explanation.contains("who requested publication") == true)
    #expect(throws: PortalError.self) { try fixture.owner.signOff(slug) }
    #expect(throws: PortalError.self) { try fixture.owner.publish(slug, confirmedIrreversible: true) }
    // Stewards propose; they cannot sign off.
    #expect(throws: PortalError.self) { try fixture.session("stella").signOff(slug) }
    try fixture.session("rita").signOff(slug)
    try fixture.owner.publish(slug, confirmedIrreversible: true)
  }

  @Test func aNewVersionNeedsANewScanAndSignOff() throws {
    let fixture = try GovernanceFixture("new-version")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    try fixture.readyToPublish(slug)
    try fixture.data.write("A new note appeared.\n", to: "kit/notes/new.txt")
    try fixture.owner.rescan(slug)
    let list = try fixture.owner.publicationChecklist(slug, confirmedIrreversible: true)
    #expect(Set(list.unmet.map(\.kind)) == [.piiScan, .signoff])
    #expect(list.items.first { $0.kind == .piiScan }?.explanation.contains("version 2") == true)
  }

  @Test func aPublicDatasetsContentIsFrozenAgainstRescansAndJobsThatMakeVersions() throws {
    let fixture = try GovernanceFixture("frozen")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    try fixture.publish(slug)
    try fixture.data.write("Reach me at 123-45-6789.\n", to: "kit/notes/ssn.txt")
    #expect {
      try fixture.owner.rescan(slug)
    } throws: { "\($0)".contains("import the changed files as a new dataset") }
    #expect(try fixture.session("vic").search("123-45-6789").isEmpty)
    #expect(try fixture.owner.showDataset(slug).summary.versionNumber == 1)
    for queue in [
      { try fixture.owner.queueClean(slug, steps: ["pii"]) }, { try fixture.owner.queueOCR(slug) },
      { try fixture.owner.queueTranscription(slug) },
    ] {
      #expect { _ = try queue() } throws: { "\($0)".contains("content is frozen") }
    }
    #expect(try fixture.owner.jobs(dataset: slug).isEmpty)
    // Reading it is still allowed: a scan makes no version.
    #expect(try fixture.owner.queueScan(slug).job.kind == .scan)
  }

  @Test func aPendingDatasetMayChangeButItsNewVersionIsNotVouchedFor() throws {
    let fixture = try GovernanceFixture("pending-rescan")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    try fixture.readyToPublish(slug)
    try fixture.data.write("Reach me at 123-45-6789.\n", to: "kit/notes/ssn.txt")
    try fixture.owner.rescan(slug)
    #expect {
      try fixture.owner.publish(slug, confirmedIrreversible: true)
    } throws: { _ in true }
    #expect(try fixture.owner.showDataset(slug).summary.dataset.visibility == .publicPending)
  }

  @Test func checklistFieldsCannotBeEmptiedOnPublicOrPendingDatasetsAndBlankDescriptionsAreRefused() throws {
    let fixture = try GovernanceFixture("emptying")
    defer { fixture.remove() }
    let open = try fixture.dataset("Open")
    try fixture.publish(open)
    let pending = try fixture.dataset("Pending")
    try fixture.readyToPublish(pending)
    for slug in [open, pending] {
      #expect {
        try fixture.owner.editDataset(slug, MetadataChange(description: ""))
      } throws: { "\($0)".contains("needs its description") }
      #expect {
        try fixture.owner.editDataset(slug, MetadataChange(languages: []))
      } throws: { "\($0)".contains("needs its languages") }
      #expect(throws: PortalError.self) { try fixture.owner.editDataset(slug, MetadataChange(description: " \n ")) }
      // Changing them is fine.
      try fixture.owner.editDataset(slug, MetadataChange(description: "Field notes, revised", languages: ["fr"]))
    }
    #expect(try fixture.owner.publicationChecklist(open, confirmedIrreversible: true).passes)
    let draft = try fixture.dataset("Draft")
    #expect {
      try fixture.owner.editDataset(draft, MetadataChange(description: "   "))
    } throws: { "\($0)".contains("only spaces") }
    try fixture.owner.editDataset(draft, MetadataChange(description: "", languages: []))
  }
}
