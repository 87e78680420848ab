import Foundation
import GRDB
import PortalCore

// MARK: - Governance writes: each in one transaction with its audit event

extension Catalog {
  /// Applies `change` to a dataset, refusing when `expectedRevision` is given and
  /// someone else changed the dataset since it was read. The audit event gets the
  /// before and after states.
  public func updateDataset(
    id: Int64, expectedRevision: Int? = nil, audit: AuditEvent, now: Date = Date(),
    change: @Sendable (inout Dataset) throws -> Void
  ) throws -> Dataset {
    try write { db in
      guard var dataset = try Dataset.fetchOne(db, key: id) else { throw StoreError.notFound(what: "the dataset") }
      if let expectedRevision, expectedRevision != dataset.revision {
        throw StoreError.conflict(
          "'\(dataset.name)' was changed by someone else since you opened it (revision \(expectedRevision) → \(dataset.revision)); reload it and try again"
        )
      }
      let before = dataset
      try change(&dataset)
      dataset.revision = before.revision + 1
      dataset.updatedAt = now
      try dataset.update(db)
      var event = audit
      event.datasetID = id
      event.before = Self.json(before)
      event.after = Self.json(dataset)
      try AuditChain.append(event, in: db)
      return dataset
    }
  }

  static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
  }
}
