import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

/// The authorisation matrix through `Portal`: every role (owner, steward, reviewer,
/// viewer, and an outsider the catalog does not know) × action × dataset state ×
/// grant state, against expectations written out by hand — not computed by the policy
/// under test. Each action is attempted through the session's real use case; an
/// attempt that passes the authorisation check and is then refused for another reason
/// (a wrong confirmation, a dataset not pending) counts as authorised.
struct AuthorizationMatrixTests {
  @Test func everyRoleActionStateAndGrantGivesTheExpectedAnswer() throws {
    let matrix = try AccessMatrix.build(label: "matrix")
    defer { matrix.fixture.remove() }
    let exports = try matrix.fixture.test.dataDirectory("exports")
    defer { exports.remove() }
    var checked = 0
    for role in AccessMatrix.Role.allCases {
      let session = role == .owner ? matrix.fixture.owner : try? matrix.fixture.session(role.login)
      #expect((session == nil) == (role == .outsider), "only the outsider is refused a session")
      let listed = Set((try? session?.listDatasets().map(\.dataset.slug)) ?? [])
      func can(_ body: (PortalSession) throws -> Void) -> Bool {
        guard let session else { return false }
        return AccessMatrix.authorised { try body(session) }
      }
      for cell in matrix.cells {
        let expected = AccessMatrix.expected(role: role, cell: cell)
        let target = exports.appending("\(role.login)-\(cell.slug)").path
        let actual: [AccessMatrix.Probe: Bool] = [
          .discover: listed.contains(cell.slug),
          .preview: can { session in _ = try session.samples(of: cell.slug) },
          .download: can { session in
            _ = try session.exportDataset(cell.slug, to: target, options: ExportOptions(privateTerms: true))
          },
          .edit: can { session in
            _ = try session.editDataset(cell.slug, MetadataChange(contact: "\(role.login)@example.org"))
          },
          .grant: can { session in
            _ = try session.grant(cell.slug, to: "lab:evaluation", kind: .lab, permission: role.probePermission)
          },
          .publish: can { session in
            let plan = try session.planBulkChange(
              [cell.slug], BulkChange([.visibility(.public)], confirmedIrreversible: true))
            if let reason = plan.items.first?.outcomes.first?.reason, reason.contains("only owners and stewards") {
              throw PortalError.notAllowed(reason)
            }
          },
          .signoff: can { session in _ = try session.signOff(cell.slug, note: "matrix") },
          .remove: can { session in try session.removeDataset(cell.slug, confirmation: "not-the-slug") },
        ]
        for probe in AccessMatrix.Probe.allCases {
          #expect(
            actual[probe] == expected[probe], "\(role.login) (\(role)) \(probe) \(cell.slug)")
          checked += 1
        }
      }
    }
    #expect(checked == AccessMatrix.Role.allCases.count * matrix.cells.count * AccessMatrix.Probe.allCases.count)
    #expect(try matrix.fixture.owner.verifyAudit().brokenEventID == nil)
  }
}

/// Datasets in every state (private, public-pending, public) × grant state (none,
/// active, expired, revoked preview grant to every non-owner user); restricted, so
/// discovery depends on the grant too.
struct AccessMatrix {
  enum GrantState: String, CaseIterable { case none, active, expired, revoked }

  struct Cell {
    var slug: String
    var visibility: Visibility
    var grant: GrantState
  }

  /// Who acts: the fixture's users, and an OS account the catalog does not know.
  enum Role: CaseIterable, CustomStringConvertible {
    case owner, steward, reviewer, viewer, outsider

    var login: String {
      switch self {
      case .owner: "owner"  // the catalog's creator; its session is the fixture's owner
      case .steward: "stella"
      case .reviewer: "rita"
      case .viewer: "vic"
      case .outsider: "olga"
      }
    }

    /// A different permission per role, so grant attempts never repeat one another.
    var probePermission: Permission {
      switch self {
      case .owner: .discover
      case .steward: .evaluate
      case .reviewer: .train
      case .viewer, .outsider: .download
      }
    }

    var description: String {
      switch self {
      case .owner: "owner"
      case .steward: "steward"
      case .reviewer: "reviewer"
      case .viewer: "viewer"
      case .outsider: "outsider"
      }
    }
  }

  /// The actions tried on every dataset.
  enum Probe: CaseIterable { case discover, preview, download, edit, grant, publish, signoff, remove }

  let fixture: GovernanceFixture
  let cells: [Cell]

  static let users = ["stella", "rita", "vic"]

  static func build(label: String) throws -> AccessMatrix {
    let fixture = try GovernanceFixture(label)
    // A lab team with no members: the grant probe's target, so it changes no answer.
    try fixture.owner.addGroup(name: "lab:evaluation", kind: .lab)
    var cells: [Cell] = []
    var expiring: [String] = []
    for visibility in Visibility.allCases {
      for grant in GrantState.allCases {
        let slug = try fixture.dataset("\(visibility.rawValue) \(grant.rawValue)", sensitivity: .restricted)
        switch visibility {
        case .private: break
        case .publicPending:
          try fixture.describe(slug)
          try fixture.owner.requestPublication(slug)
        case .public: try fixture.publish(slug)
        }
        for user in users where grant != .none {
          let expires = grant == .expired ? Date().addingTimeInterval(1.5) : nil
          let result = try fixture.owner.grant(slug, to: user, kind: .user, permission: .preview, expires: expires)
          if grant == .revoked, let id = result.events.first.flatMap({ Int64($0.targetID) }) {
            try fixture.owner.revokeGrant(slug, id: id)
          }
        }
        if grant == .expired { expiring.append(slug) }
        cells.append(Cell(slug: slug, visibility: visibility, grant: grant))
      }
    }
    // Wait (polling, with a deadline) until the short grants have expired.
    let deadline = Date().addingTimeInterval(30)
    func anyActive() throws -> Bool {
      try expiring.contains { slug in try fixture.owner.grants(on: slug).contains { $0.status == .active } }
    }
    while Date() < deadline, try anyActive() {
      usleep(50_000)  // poll interval
    }
    return AccessMatrix(fixture: fixture, cells: cells)
  }

  /// Whether `body` got past authorisation: it succeeded, or was refused for a reason
  /// that comes after the check (bad input, a dataset not pending, one's own request).
  static func authorised(_ body: () throws -> Void) -> Bool {
    do {
      try body()
      return true
    } catch PortalError.invalidArgument {
      return true
    } catch PortalError.notAllowed(let reason) {
      return reason.contains("sign-off is for datasets pending publication")
        || reason.contains("another reviewer must sign it off")
    } catch {
      return false
    }
  }

  /// What each role may do, as the product describes it (restricted datasets; the
  /// grant is a preview grant to each non-owner user).
  static func expected(role: Role, cell: Cell) -> [Probe: Bool] {
    let active = cell.grant == .active
    let open = cell.visibility != .private
    let isPublic = cell.visibility == .public
    let pending = cell.visibility == .publicPending
    switch role {
    case .owner:
      return Dictionary(uniqueKeysWithValues: Probe.allCases.map { ($0, true) })
    case .steward:
      // Stewards run the catalog but neither sign off nor remove datasets they do not own.
      return [
        .discover: true, .preview: true, .download: true, .edit: true, .grant: true, .publish: true,
        .signoff: false, .remove: false,
      ]
    case .reviewer:
      let preview = isPublic || pending || active
      return [
        .discover: open || active, .preview: preview, .download: isPublic, .edit: false, .grant: false,
        .publish: false, .signoff: preview, .remove: false,
      ]
    case .viewer:
      return [
        .discover: open || active, .preview: isPublic || active, .download: isPublic, .edit: false, .grant: false,
        .publish: false, .signoff: false, .remove: false,
      ]
    case .outsider:
      return Dictionary(uniqueKeysWithValues: Probe.allCases.map { ($0, false) })
    }
  }
}
