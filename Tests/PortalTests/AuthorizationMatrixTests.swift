import Foundation
import Portal
import PortalCore
import PortalTesting
import Testing

/// The authorisation matrix through `Portal`: every role × dataset state × grant state
/// for listing (discover), reading samples (preview), reading grants and editing —
/// against expectations written out by hand, not computed by the policy under test.
struct AuthorizationMatrixTests {
  @Test func everyRoleStateAndGrantGivesTheExpectedAnswer() throws {
    let matrix = try AccessMatrix.build(label: "matrix")
    defer { matrix.fixture.remove() }
    for login in ["stella", "rita", "vic"] {
      let session = try matrix.fixture.session(login)
      let listed = Set(try session.listDatasets().map(\.dataset.slug))
      for cell in matrix.cells {
        let expected = AccessMatrix.expected(role: login, cell: cell)
        #expect(listed.contains(cell.slug) == expected.discover, "\(login) list \(cell.slug)")
        let previewed = (try? session.samples(of: cell.slug)) != nil
        #expect(previewed == expected.preview, "\(login) preview \(cell.slug)")
        let edited = (try? session.editDataset(cell.slug, MetadataChange(contact: "\(login)@example.org"))) != nil
        #expect(edited == expected.edit, "\(login) edit \(cell.slug)")
      }
    }
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

  struct Expected: Equatable {
    var discover: Bool
    var preview: Bool
    var edit: Bool
  }

  let fixture: GovernanceFixture
  let cells: [Cell]

  static let users = ["stella", "rita", "vic"]

  static func build(label: String) throws -> AccessMatrix {
    let fixture = try GovernanceFixture(label)
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

  /// What each role may do, as the product describes it.
  static func expected(role login: String, cell: Cell) -> Expected {
    let staff = login == "stella"
    let active = cell.grant == .active
    let open = cell.visibility != .private
    let discover = staff || open || active
    let preview =
      staff || cell.visibility == .public || (cell.visibility == .publicPending && login == "rita") || active
    return Expected(discover: discover, preview: preview, edit: staff)
  }
}
