import Foundation
import GRDB
import PortalCore

// MARK: - Reading what the governance rules need, in one snapshot

extension Catalog {
  /// The governance state of each dataset in `ids` (in that order; missing ones left out).
  public func governanceStates(_ ids: [Int64]) throws -> [GovernanceState] {
    try read { db in try ids.compactMap { try Self.governanceState($0, in: db) } }
  }

  /// The governance state of one dataset, or nil when it does not exist.
  public func governanceState(_ id: Int64) throws -> GovernanceState? {
    try read { try Self.governanceState(id, in: $0) }
  }

  /// Loads one dataset's state inside the caller's transaction.
  static func governanceState(_ id: Int64, in db: Database) throws -> GovernanceState? {
    guard let dataset = try Dataset.fetchOne(db, key: id) else { return nil }
    let grants = try Grant.filter(Column("dataset_id") == id).order(Column("id")).fetchAll(db)
    let number = try dataset.currentVersionID.flatMap {
      try Int.fetchOne(db, sql: "SELECT number FROM dataset_version WHERE id = ?", arguments: [$0])
    }
    let scan = try dataset.currentVersionID.flatMap {
      try PIIScan.fetchOne(
        db, sql: "SELECT * FROM pii_scan WHERE version_id = ? ORDER BY scanned_at DESC, id DESC LIMIT 1",
        arguments: [$0])
    }
    let signoffs = try Signoff.fetchAll(
      db,
      sql: """
        SELECT s.*, u.login AS reviewer_login FROM signoff s JOIN user u ON u.id = s.reviewer_id
        WHERE s.dataset_id = ? ORDER BY s.id
        """, arguments: [id])
    let request = try PublicationRequest.fetchOne(
      db,
      sql: """
        SELECT p.*, u.login AS requested_by_login FROM publication_request p JOIN user u ON u.id = p.requested_by
        WHERE p.dataset_id = ? AND p.state = 'pending'
        """, arguments: [id])
    return GovernanceState(
      dataset: dataset, grants: grants, currentVersionNumber: number, piiScan: scan, signoffs: signoffs,
      publicationRequest: request)
  }

  /// Publication requests of a dataset, newest first.
  public func publicationRequests(of datasetID: Int64) throws -> [PublicationRequest] {
    try read { db in
      try PublicationRequest.fetchAll(
        db,
        sql: """
          SELECT p.*, u.login AS requested_by_login FROM publication_request p JOIN user u ON u.id = p.requested_by
          WHERE p.dataset_id = ? ORDER BY p.id DESC
          """, arguments: [datasetID])
    }
  }

  /// Active grants, on any dataset, that expire between `now` and `until`, soonest first.
  public func grantsExpiring(between now: Date, and until: Date) throws -> [Grant] {
    try read { db in
      try Grant.filter(
        Column("revoked_at") == nil && Column("expires_at") > now && Column("expires_at") <= until
      ).order(Column("expires_at"), Column("id")).fetchAll(db)
    }
  }

  /// One grant by id.
  public func grant(id: Int64) throws -> Grant? {
    try read { try Grant.fetchOne($0, key: id) }
  }
}
