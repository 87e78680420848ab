import Foundation
import GRDB
import PortalCore
import PortalStore
import PortalTesting

/// A catalog with users and published datasets written straight through the store,
/// for tests of queries.
struct StoreFixture {
  let dir: TemporaryDirectory
  let catalog: Catalog
  let ownerID: Int64

  init() throws {
    dir = try TemporaryDirectory("store")
    catalog = try Catalog(location: CatalogLocation(directory: dir.appending("c")), create: true)
    ownerID = try catalog.write { db in
      var owner = User(login: "amara", displayName: "Amara", role: .owner)
      try owner.insert(db)
      return owner.id ?? 0
    }
  }

  func addUser(_ login: String, role: Role) throws -> User {
    try catalog.write { db in
      var user = User(login: login, displayName: login, role: role)
      try user.insert(db)
      return user
    }
  }

  /// Publishes a dataset with `excerpts.count` text samples, their text indexed for
  /// search as an import does after publishing (unless `indexContent` is false).
  @discardableResult
  func addDataset(
    _ name: String, visibility: Visibility = .private, sensitivity: Sensitivity = .internal,
    description: String = "", tags: [String] = [], excerpts: [String] = ["sample text"], indexContent: Bool = true
  ) throws -> Dataset {
    let staging = try catalog.beginVersion(
      of: nil,
      creating: Dataset(
        slug: Slug.make(from: name) ?? "x", name: name, description: description, visibility: visibility,
        sensitivity: sensitivity, tags: tags, ownerID: ownerID),
      origin: .import, parameters: "{}", createdBy: ownerID)
    var batch = ImportBatch()
    let file = SourceFile(
      datasetID: staging.datasetID, root: "/data", relativePath: "\(name).jsonl", size: 10, mtimeNanos: 1,
      sha256: "00", mediaType: .jsonl)
    let samples = excerpts.enumerated().map { index, text in
      Sample(
        versionID: staging.versionID, ordinal: index, fileID: 0, offset: Int64(index * 10), length: 10,
        mediaType: .jsonl, sha256: "\(index)", excerpt: text)
    }
    batch.newFiles = [ImportBatch.NewFile(file: file, samples: samples)]
    try catalog.append(batch, to: staging)
    let dataset = try catalog.publish(
      staging, report: "{}",
      audit: AuditEvent(at: Date(), actor: "amara", action: "dataset.import", targetKind: "dataset", targetID: name),
      update: { _ in })
    if indexContent { while try catalog.indexPendingContent() > 0 {} }
    return dataset
  }

  /// The FTS5 index's own consistency check of `sample_fts` against the sample table
  /// (throws when the index lists a row wrongly or misses one).
  /// One file with one sample written in a staging version that is not published: a
  /// rescan of `datasetID`, or else a new dataset "half" (what a crashed or running
  /// import leaves).
  func stageOneSample(excerpt: String, of datasetID: Int64? = nil) throws -> StagingVersion {
    let staging = try catalog.beginVersion(
      of: datasetID, creating: datasetID == nil ? Dataset(slug: "half", name: "Half", ownerID: ownerID) : nil,
      origin: datasetID == nil ? .import : .rescan, parameters: "{}", createdBy: ownerID)
    var batch = ImportBatch()
    batch.newFiles = [
      ImportBatch.NewFile(
        file: SourceFile(
          datasetID: staging.datasetID, root: "/r", relativePath: "a.txt", size: 3, mtimeNanos: 0, sha256: "ab",
          mediaType: .plainText),
        samples: [
          Sample(
            versionID: staging.versionID, ordinal: 0, fileID: 0, offset: 0, length: 3, mediaType: .plainText,
            sha256: "ab", excerpt: excerpt)
        ])
    ]
    try catalog.append(batch, to: staging)
    return staging
  }

  func checkContentIndex() throws {
    try catalog.write { db in try db.execute(sql: "INSERT INTO sample_fts(sample_fts) VALUES ('integrity-check')") }
  }

  func grant(
    _ dataset: Dataset, to principal: String, kind: PrincipalKind = .user, permission: Permission = .preview,
    expires: Date? = nil, revoked: Date? = nil
  ) throws {
    try catalog.write { db in
      var grant = Grant(
        datasetID: dataset.id ?? 0, principalKind: kind, principal: principal, permission: permission,
        expiresAt: expires, grantedBy: ownerID, revokedAt: revoked)
      try grant.insert(db)
    }
  }
}
