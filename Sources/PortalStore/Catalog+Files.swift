import Foundation
import GRDB
import PortalCore

/// A file of a version as a rescan compares it: identity, what it looked like, and
/// where its samples sit in the version's numbering.
public struct VersionFileInfo: Sendable, Equatable {
  public var fileID: Int64
  public var root: String
  public var relativePath: String
  public var size: Int64
  public var mtimeNanos: Int64
  public var mediaType: MediaType
  public var sampleCount: Int
}

extension Catalog {
  /// The files of a version with their sample counts, for a rescan to compare.
  public func files(ofVersion versionID: Int64) throws -> [VersionFileInfo] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT f.id, f.root, f.relative_path, f.size, f.mtime_ns, f.media_type,
                 (SELECT count(*) FROM sample s WHERE s.version_id = vf.version_id AND s.file_id = f.id) AS n
          FROM version_file vf JOIN source_file f ON f.id = vf.file_id
          WHERE vf.version_id = ?
          """, arguments: [versionID]
      ).map { row in
        VersionFileInfo(
          fileID: row["id"], root: row["root"], relativePath: row["relative_path"], size: row["size"],
          mtimeNanos: row["mtime_ns"], mediaType: MediaType(rawValue: row["media_type"]) ?? .plainText,
          sampleCount: row["n"])
      }
    }
  }

  /// A published version by id.
  public func version(id: Int64) throws -> DatasetVersion? {
    try read { try DatasetVersion.fetchOne($0, key: id) }
  }
}
