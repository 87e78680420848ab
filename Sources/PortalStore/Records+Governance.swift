import Foundation
import GRDB
import PortalCore

// Governance values whose rows carry a joined login or JSON: mapped by hand.

extension PublicationRequest.State: DatabaseValueConvertible {}

extension Signoff: FetchableRecord {
  /// Reads a `signoff` row joined with the reviewer's login as `reviewer_login`.
  public init(row: Row) throws {
    self.init(
      id: row["id"], datasetID: row["dataset_id"], versionID: row["version_id"], reviewerID: row["reviewer_id"],
      reviewerLogin: row["reviewer_login"] ?? "", note: row["note"] ?? "", createdAt: row["created_at"])
  }
}

extension PIIScan: FetchableRecord {
  /// Reads a `pii_scan` row; `by_type` is a JSON object of counts.
  public init(row: Row) throws {
    let json: String = row["by_type"] ?? "{}"
    let byType = (try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]
    self.init(
      id: row["id"], datasetID: row["dataset_id"], versionID: row["version_id"], samplesScanned: row["samples_scanned"],
      findings: row["findings"], byType: byType, scannedAt: row["scanned_at"], coverage: row["coverage"])
  }
}

extension PublicationRequest: FetchableRecord {
  /// Reads a `publication_request` row joined with the requester's login as `requested_by_login`.
  public init(row: Row) throws {
    self.init(
      id: row["id"], datasetID: row["dataset_id"], versionID: row["version_id"], requestedBy: row["requested_by"],
      requestedByLogin: row["requested_by_login"] ?? "", requestedAt: row["requested_at"], state: row["state"],
      decidedBy: row["decided_by"], decidedAt: row["decided_at"])
  }
}
