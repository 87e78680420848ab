import Foundation
import PortalCore
import Testing

struct GrantTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func grant(expires: Date? = nil, revoked: Date? = nil) -> Grant {
    Grant(
      datasetID: 1, principalKind: .user, principal: "bo", permission: .preview, expiresAt: expires, grantedBy: 1,
      grantedAt: now.addingTimeInterval(-100), revokedAt: revoked)
  }

  @Test func anExpiredGrantGrantsNothingFromTheSecondItExpires() {
    let expiring = grant(expires: now)
    #expect(expiring.isActive(at: now.addingTimeInterval(-0.001)))
    #expect(!expiring.isActive(at: now))
    #expect(!expiring.isActive(at: now.addingTimeInterval(1)))
  }

  @Test func aRevokedGrantGrantsNothing() {
    #expect(!grant(revoked: now.addingTimeInterval(-1)).isActive(at: now))
    #expect(grant().isActive(at: now))
  }
}
