import Foundation
import PortalCore
import Testing

struct AccessPolicyTests {
  let now = Date(timeIntervalSince1970: 1_800_000_000)

  func actor(_ role: Role, id: Int64 = 10, login: String = "rita", groups: [String] = []) -> Actor {
    Actor(user: User(id: id, login: login, displayName: login, role: role), groups: groups)
  }

  func dataset(_ visibility: Visibility, _ sensitivity: Sensitivity = .internal, owner: Int64 = 1) -> Dataset {
    Dataset(id: 7, slug: "d", name: "D", visibility: visibility, sensitivity: sensitivity, ownerID: owner)
  }

  func grant(_ permission: Permission, to principal: String = "rita", kind: PrincipalKind = .user, expires: Date? = nil)
    -> Grant
  {
    Grant(
      datasetID: 7, principalKind: kind, principal: principal, permission: permission, expiresAt: expires, grantedBy: 1)
  }

  @Test func reviewerCannotPreviewPrivateDatasetWithoutGrant() {
    let decision = AccessPolicy.decide(.preview, actor: actor(.reviewer), dataset: dataset(.private), now: now)
    #expect(!decision.isAllowed)
  }

  @Test func reviewerMayPreviewWithAnActiveGrantButNotAnExpiredOne() {
    let active = AccessPolicy.decide(
      .preview, actor: actor(.reviewer), dataset: dataset(.private), grants: [grant(.preview)], now: now)
    #expect(active.isAllowed)
    let expired = AccessPolicy.decide(
      .preview, actor: actor(.reviewer), dataset: dataset(.private), grants: [grant(.preview, expires: now)], now: now)
    #expect(!expired.isAllowed)
  }

  @Test func labTeamGrantReachesItsMembersOnly() {
    let labGrant = grant(.download, to: "lab:training", kind: .lab)
    let member = actor(.viewer, groups: ["lab:training"])
    let outsider = actor(.viewer, groups: ["lab:safety"])
    #expect(
      AccessPolicy.decide(.download, actor: member, dataset: dataset(.private), grants: [labGrant], now: now).isAllowed)
    #expect(
      !AccessPolicy.decide(.download, actor: outsider, dataset: dataset(.private), grants: [labGrant], now: now)
        .isAllowed)
  }

  @Test func restrictedPrivateDatasetsAreHiddenFromThoseWithoutGrants() {
    let hidden = AccessPolicy.decide(
      .discover, actor: actor(.viewer), dataset: dataset(.private, .restricted), now: now)
    #expect(!hidden.isAllowed)
    let visible = AccessPolicy.decide(
      .discover, actor: actor(.viewer), dataset: dataset(.private, .confidential), now: now)
    #expect(visible.isAllowed)
  }

  @Test func stewardsRunTheCatalogButOnlyOwnersManageUsers() {
    #expect(AccessPolicy.decide(.importData, actor: actor(.steward), dataset: nil).isAllowed)
    #expect(!AccessPolicy.decide(.manageUsers, actor: actor(.steward), dataset: nil).isAllowed)
    #expect(AccessPolicy.decide(.manageUsers, actor: actor(.owner), dataset: nil).isAllowed)
    #expect(!AccessPolicy.decide(.importData, actor: actor(.reviewer), dataset: nil).isAllowed)
  }

  @Test func aDisabledAccountMayDoNothing() {
    var user = User(id: 3, login: "old", displayName: "Old", role: .owner)
    user.disabledAt = now
    let disabled = Actor(user: user, groups: [])
    #expect(!AccessPolicy.decide(.discover, actor: disabled, dataset: dataset(.public), now: now).isAllowed)
    #expect(AccessPolicy.discoverScope(for: disabled) == .nothing)
  }
}
