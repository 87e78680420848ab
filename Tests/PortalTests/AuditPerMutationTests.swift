import Foundation
import Portal
import PortalCore
import PortalStore
import PortalTesting
import Testing

/// Every mutation a use case makes leaves exactly one audit event, and the chain holds.
struct AuditPerMutationTests {
  @Test func everyGovernanceUseCaseLeavesExactlyOneEvent() throws {
    let fixture = try GovernanceFixture("audit-each")
    defer { fixture.remove() }
    let owner = fixture.owner
    var count = try owner.auditEventCount()
    func expectOne(_ label: String, _ body: () throws -> Void) throws {
      try body()
      let now = try owner.auditEventCount()
      #expect(now == count + 1, "\(label) left \(now - count) events")
      count = now
    }
    var slug = ""
    try expectOne("import") { slug = try fixture.dataset("Kit") }
    let spare = try fixture.dataset("Spare")
    count = try owner.auditEventCount()
    try expectOne("edit") {
      try owner.editDataset(slug, MetadataChange(description: "d", licence: "MIT", languages: ["en"]))
    }
    try expectOne("request publication") { try fixture.session("stella").requestPublication(slug) }
    try expectOne("sign-off") { try fixture.session("rita").signOff(slug) }
    try fixture.test.recordPIIScan(slug, findings: 0)
    try expectOne("publish") { try owner.publish(slug, confirmedIrreversible: true) }
    var grantID: Int64 = 0
    try expectOne("grant") {
      let target = try owner.grant(spare, to: "rita", kind: .user, permission: .preview).events.first?.targetID
      grantID = Int64(target ?? "") ?? 0
    }
    try expectOne("revoke") { try owner.revokeGrant(spare, id: grantID) }
    var requestID: Int64 = 0
    try expectOne("request") {
      requestID =
        try fixture.session("vic").requestAccess(spare, permission: .preview, purpose: "p", durationDays: 3).id ?? 0
    }
    try expectOne("approve") { _ = try owner.approveRequest(requestID) }
    let second = try fixture.session("vic").requestAccess(spare, permission: .download, purpose: "p", durationDays: 3)
    count = try owner.auditEventCount()
    try expectOne("reject") { try owner.rejectRequest(second.id ?? 0, reason: "no") }
    let third = try fixture.session("vic").requestAccess(spare, permission: .manage, purpose: "p", durationDays: 3)
    count = try owner.auditEventCount()
    try expectOne("withdraw") { try fixture.session("vic").withdrawRequest(third.id ?? 0) }
    try expectOne("add user") { try owner.addUser(login: "newbie", role: .viewer) }
    try expectOne("role") { try owner.setRole(login: "newbie", to: .reviewer) }
    try expectOne("group") { try owner.addGroup(name: "legal", kind: .partner) }
    try expectOne("member") { try owner.changeMembers(of: "legal", add: ["newbie"]) }
    try expectOne("remove member") { try owner.changeMembers(of: "legal", remove: ["newbie"]) }
    try expectOne("remove dataset") { try owner.removeDataset(spare, confirmation: spare) }
    // Refusals write nothing.
    #expect(throws: PortalError.self) { try owner.removeDataset(slug, confirmation: "wrong") }
    #expect(throws: PortalError.self) { try fixture.session("vic").editDataset(slug, MetadataChange(description: "x")) }
    #expect(try owner.auditEventCount() == count)
    #expect(try owner.verifyAudit().brokenEventID == nil)
    let removal = try #require(try owner.auditEvents(dataset: nil, filter: AuditFilter(action: "dataset.remove")).first)
    #expect(removal.before?.contains("\"versions\":1") == true)
    #expect(
      try owner.auditEvents(dataset: nil, filter: AuditFilter(actor: "rita")).map(\.action) == ["publication.signoff"])
  }

  @Test func bulkChangesJobsExportsAccountsAndRescansLeaveOneEventEach() throws {
    let fixture = try GovernanceFixture("audit-more")
    defer { fixture.remove() }
    let owner = fixture.owner
    let kit = try fixture.dataset("Kit")
    let spare = try fixture.dataset("Spare")
    var count = try owner.auditEventCount()
    func expect(_ events: Int, _ label: String, _ body: () throws -> Void) throws {
      try body()
      let now = try owner.auditEventCount()
      #expect(now == count + events, "\(label) left \(now - count) events, not \(events)")
      count = now
    }
    // A bulk change writes one event per change per dataset, in one transaction.
    try expect(2, "tag two datasets") {
      let plan = try owner.planBulkChange([kit, spare], BulkChange([.addTags(["news"])]))
      try owner.applyBulkChange(plan)
    }
    try expect(1, "sensitivity") {
      try owner.applyBulkChange(try owner.planBulkChange([kit], BulkChange([.sensitivity(.confidential)])))
    }
    try expect(0, "a plan alone") { _ = try owner.planBulkChange([kit], BulkChange([.removeTags(["news"])])) }
    var jobID: Int64 = 0
    try expect(1, "queue a job") { jobID = try owner.queueClean(kit, steps: ["pii"]).job.id ?? 0 }
    try expect(1, "cancel it") { try owner.cancelJob(jobID) }
    let target = fixture.data.appending("bundle").path
    try expect(1, "export") { _ = try owner.exportDataset(kit, to: target, options: ExportOptions(privateTerms: true)) }
    try expect(1, "disable a user") { _ = try owner.disableUser(login: "vic") }
    try expect(1, "enable them") { _ = try owner.enableUser(login: "vic") }
    try expect(0, "a rescan that finds nothing new") { try owner.rescan(kit) }
    try fixture.data.write("A new note.\n", to: "kit/notes/new.txt")
    try expect(1, "a rescan") { try owner.rescan(kit) }
    try fixture.data.write(MediaBytes.png(width: 4, height: 4), to: "pics/a.png")
    let pictures = try owner.importDataset(ImportRequest(paths: [fixture.data.appending("pics").path], name: "Pics"))
    count = try owner.auditEventCount()
    try expect(1, "a scan of an image dataset's catalog text") { _ = try owner.scan(pictures.datasetSlug) }
    // Refusals write nothing.
    try expect(0, "refusals") {
      #expect(throws: PortalError.self) { try fixture.session("vic").queueClean(kit, steps: ["pii"]) }
      #expect(throws: PortalError.self) { try fixture.session("vic").disableUser(login: "rita") }
    }
    #expect(try owner.verifyAudit().brokenEventID == nil)
  }

  @Test func aPendingRequestExpiresAfterThirtyDaysWithoutAnyWrite() throws {
    let fixture = try GovernanceFixture("request-expiry")
    defer { fixture.remove() }
    let slug = try fixture.dataset("Kit")
    let request = try fixture.session("vic").requestAccess(slug, permission: .preview, purpose: "p", durationDays: 7)
    let id = try #require(request.id)
    #expect(try fixture.owner.requestInbox().map(\.request.id) == [id])
    let events = try fixture.owner.auditEventCount()
    // Asked 31 days ago (as if the owner never looked at the inbox).
    try fixture.test.catalog().write { db in
      try db.execute(
        sql: "UPDATE access_request SET created_at = ? WHERE id = ?",
        arguments: [Date().addingTimeInterval(-31 * 86_400), id])
    }
    let row = try #require(try fixture.owner.accessRequests(dataset: slug).first { $0.request.id == id })
    #expect(row.state == .expired)
    #expect(try fixture.owner.requestInbox().isEmpty)
    #expect {
      _ = try fixture.owner.approveRequest(id)
    } throws: { "\($0)".contains("is expired") }
    #expect(throws: PortalError.self) { try fixture.session("vic").withdrawRequest(id) }
    #expect(try fixture.owner.auditEventCount() == events)
    // The state is worked out when read: a request asked 29 days ago is still pending.
    try fixture.test.catalog().write { db in
      try db.execute(
        sql: "UPDATE access_request SET created_at = ? WHERE id = ?",
        arguments: [Date().addingTimeInterval(-29 * 86_400), id])
    }
    #expect(try fixture.owner.accessRequests(dataset: slug).first { $0.request.id == id }?.state == .pending)
  }
}
