import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

struct BulkAndGrantTests {
  @Test func aPlanWithARefusalAppliesNothingWhenAllOrNone() throws {
    let fixture = try GovernanceFixture("bulk-refusal")
    defer { fixture.remove() }
    let a = try fixture.dataset("Alpha")
    let b = try fixture.dataset("Beta")
    let published = try fixture.dataset("Gamma")
    try fixture.publish(published)
    let before = try fixture.owner.auditEventCount()
    let plan = try fixture.owner.planBulkChange(
      [a, b, published], BulkChange([.visibility(.private), .sensitivity(.confidential), .addTags(["press"])]))
    #expect(plan.hasRefusals)
    let refused = try #require(plan.items.first { $0.slug == published })
    #expect(refused.outcomes.first?.reason?.contains("publication cannot be undone") == true)
    #expect(plan.items.first { $0.slug == a }?.outcomes.first?.kind == .unchanged)
    #expect(plan.changeCount == 6)
    #expect(throws: PortalError.self) { try fixture.owner.applyBulkChange(plan) }
    #expect(try fixture.owner.auditEventCount() == before)
    #expect(try fixture.owner.showDataset(a).summary.dataset.sensitivity == .internal)

    let result = try fixture.owner.applyBulkChange(plan, skipRefused: true)
    #expect(result.skipped == [published])
    #expect(result.events.count == 4)
    #expect(try fixture.owner.auditEventCount() == before + 4)
    #expect(try fixture.owner.showDataset(b).summary.dataset.tags == ["press"])
  }

  @Test func anAppliedPlanLeavesOneAuditEventPerChange() throws {
    let fixture = try GovernanceFixture("bulk-audit")
    defer { fixture.remove() }
    let slugs = try ["One", "Two", "Three"].map { try fixture.dataset($0) }
    let before = try fixture.owner.auditEventCount()
    let plan = try fixture.owner.planBulkChange(
      slugs,
      BulkChange([
        .sensitivity(.restricted), .addTags(["a", "b"]),
        .grant(PrincipalRef(kind: .lab, name: "lab:training"), .preview, expires: Date().addingTimeInterval(86_400)),
      ]))
    #expect(!plan.hasRefusals)
    let result = try fixture.owner.applyBulkChange(plan)
    #expect(result.events.count == 9)
    let events = try fixture.owner.auditEvents(limit: 9)
    #expect(events.count == 9)
    #expect(try fixture.owner.auditEventCount() == before + 9)
    #expect(Set(events.map(\.action)) == ["dataset.sensitivity", "dataset.tags", "grant.create"])
    #expect(events.allSatisfy { $0.before != nil || $0.action == "grant.create" })
    #expect(try fixture.owner.verifyAudit().brokenEventID == nil)
  }

  @Test func aPlanIsRefusedWhenTheCatalogChangedWhatItShowedSinceThePreview() throws {
    let fixture = try GovernanceFixture("bulk-stale")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    let stella = try fixture.session("stella")
    let plan = try fixture.owner.planBulkChange([slug], BulkChange([.sensitivity(.restricted)]))
    try stella.applyBulkChange(try stella.planBulkChange([slug], BulkChange([.sensitivity(.confidential)])))
    #expect {
      try fixture.owner.applyBulkChange(plan)
    } throws: { "\($0)".contains("changed since the preview") }
    // A tag someone else already added meanwhile: the preview's "will change" no longer holds.
    let tagging = try fixture.owner.planBulkChange([slug], BulkChange([.addTags(["x"])]))
    try stella.applyBulkChange(try stella.planBulkChange([slug], BulkChange([.addTags(["x"])])))
    #expect {
      try fixture.owner.applyBulkChange(tagging)
    } throws: { "\($0)".contains("changed since the preview") }
  }

  @Test func tagEditsFromTwoSessionsCommuteAndBothAreKept() throws {
    let fixture = try GovernanceFixture("bulk-tags")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    let stella = try fixture.session("stella")
    let plan = try fixture.owner.planBulkChange([slug], BulkChange([.addTags(["x"])]))
    try stella.applyBulkChange(try stella.planBulkChange([slug], BulkChange([.addTags(["y"])])))
    let result = try fixture.owner.applyBulkChange(plan)
    #expect(result.events.count == 1)
    let tags = try fixture.owner.showDataset(slug).summary.dataset.tags
    #expect(tags.contains("x") && tags.contains("y"), "\(tags)")
  }

  @Test func useRightsAndRetentionLimitGrants() throws {
    let fixture = try GovernanceFixture("use-rights")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    try fixture.owner.editDataset(slug, MetadataChange(useRights: UseRights(train: false, retentionDays: 30)))
    #expect {
      try fixture.owner.grant(slug, to: "lab:training", kind: .lab, permission: .train, expires: Date() + 86_400)
    } throws: { "\($0)".contains("evaluation only") }
    #expect {
      try fixture.owner.grant(slug, to: "lab:training", kind: .lab, permission: .evaluate)
    } throws: { "\($0)".contains("at most 30 days") }
    try fixture.owner.grant(slug, to: "lab:training", kind: .lab, permission: .evaluate, expires: Date() + 86_400 * 10)
    #expect(throws: PortalError.self) {
      try fixture.owner.grant(slug, to: "lab:nowhere", kind: .lab, permission: .preview)
    }
  }

  @Test func aGrantExpiringDuringASessionStopsGrantingWithoutARestart() throws {
    let fixture = try GovernanceFixture("expiry")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit", sensitivity: .restricted)
    let rita = try fixture.session("rita")
    #expect(throws: PortalError.self) { try rita.samples(of: slug) }
    try fixture.owner.grant(slug, to: "rita", kind: .user, permission: .preview, expires: Date().addingTimeInterval(2))
    #expect(try rita.samples(of: slug).count == SampleTree.expectedSamples)
    #expect(try fixture.owner.grants(on: slug).first?.expiringSoon == true)
    #expect(try fixture.owner.expiringGrants().map(\.datasetSlug) == [slug])
    let deadline = Date().addingTimeInterval(30)
    var refused = false
    while !refused && Date() < deadline {
      do { _ = try rita.samples(of: slug) } catch { refused = true }
      if !refused { usleep(50_000) }  // poll interval, not synchronisation
    }
    #expect(refused)
    #expect(try rita.listDatasets().isEmpty)
    #expect(try fixture.owner.grants(on: slug).first?.status == .expired)
  }

  @Test func requestsAreApprovedIntoGrantsRejectedWithAReasonOrWithdrawn() throws {
    let fixture = try GovernanceFixture("requests")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    let vic = try fixture.session("vic")
    let asked = try vic.requestAccess(slug, permission: .preview, purpose: "board demo", durationDays: 7)
    #expect(throws: PortalError.self) {
      try vic.requestAccess(slug, permission: .download, purpose: "", durationDays: nil)
    }
    #expect(try fixture.session("stella").requestInbox().map(\.request.id) == [asked.id])
    #expect(try fixture.session("rita").requestInbox().isEmpty)
    #expect(throws: PortalError.self) { try fixture.session("rita").approveRequest(asked.id ?? 0) }
    let (approved, grant) = try fixture.owner.approveRequest(asked.id ?? 0)
    #expect(approved.state == .approved && approved.grantID == grant.id)
    let days = (grant.expiresAt ?? .distantPast).timeIntervalSinceNow / 86_400
    #expect(days > 6.9 && days <= 7)
    #expect(try vic.samples(of: slug).count == SampleTree.expectedSamples)
    #expect(throws: PortalError.self) { try fixture.owner.approveRequest(asked.id ?? 0) }

    let team = try vic.requestAccess(
      slug, permission: .train, purpose: "pre-training", durationDays: 30,
      for: PrincipalRef(kind: .lab, name: "lab:training"))
    #expect(throws: PortalError.self) { try fixture.owner.rejectRequest(team.id ?? 0, reason: "  ") }
    let rejected = try fixture.owner.rejectRequest(team.id ?? 0, reason: "not before the redaction")
    #expect(rejected.state == .rejected && rejected.reason == "not before the redaction")
    let third = try vic.requestAccess(slug, permission: .download, purpose: "export", durationDays: 1)
    #expect(throws: PortalError.self) { try fixture.session("rita").withdrawRequest(third.id ?? 0) }
    #expect(try vic.withdrawRequest(third.id ?? 0).state == .withdrawn)
    #expect(try vic.accessRequests().map(\.state) == [.withdrawn, .rejected, .approved])
  }
}
