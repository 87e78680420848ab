import Foundation
import Portal
import PortalCore
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
}
