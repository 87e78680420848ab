import Foundation
import PortalCore
import Testing

struct AuditEventTests {
  @Test func canonicalContentCoversEveryFieldInAFixedOrder() {
    let at = Date(timeIntervalSince1970: 1_700_000_000.1231)
    let event = AuditEvent(
      at: at, actor: "amara", action: "grant.create", targetKind: "grant", targetID: "4", datasetID: 9,
      before: nil, after: "{\"p\":1}", previousHash: "abc")
    #expect(
      event.canonicalContent
        == "abc\u{1F}1700000000123\u{1F}amara\u{1F}grant.create\u{1F}grant\u{1F}4\u{1F}9\u{1F}\u{1F}{\"p\":1}")
    var changed = event
    changed.actor = "mallory"
    #expect(changed.canonicalContent != event.canonicalContent)
  }
}
