import Foundation
import GRDB
import PortalCore

// Reads a preview needs beyond the sample list: a sample by its path, the file's
// recorded size, and a transcript produced for a recording.

extension Catalog {
  /// The first sample of `versionID` in the file at `relativePath` (or, with `offset`,
  /// the record starting there).
  public func sample(ofVersion versionID: Int64, relativePath: String, offset: Int64? = nil) throws -> SampleRow? {
    try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT s.*, f.root AS file_root, f.relative_path AS file_relative_path
          FROM sample s JOIN source_file f ON f.id = s.file_id
          WHERE s.version_id = ? AND f.relative_path = ? AND (? IS NULL OR s.byte_offset = ?)
          ORDER BY s.ordinal LIMIT 1
          """, arguments: [versionID, relativePath, offset, offset]
      ).map(Self.sampleRow)
    }
  }

  /// Size and modification time the import recorded for a file.
  public func recordedFile(id fileID: Int64) throws -> (size: Int64, mtimeNanos: Int64)? {
    try read { db in
      try Row.fetchOne(db, sql: "SELECT size, mtime_ns FROM source_file WHERE id = ?", arguments: [fileID]).map {
        (size: $0["size"], mtimeNanos: $0["mtime_ns"])
      }
    }
  }

  /// The transcript sample for a recording: in the newest ready `transcribe` version of
  /// the dataset, the text sample whose path is the recording's with `.txt` appended or
  /// its extension replaced by `.txt`.
  public func transcriptSample(datasetID: Int64, recordingPath relativePath: String) throws -> SampleRow? {
    let stem = (relativePath as NSString).deletingPathExtension
    return try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT s.*, f.root AS file_root, f.relative_path AS file_relative_path
          FROM dataset_version v
          JOIN sample s ON s.version_id = v.id
          JOIN source_file f ON f.id = s.file_id
          WHERE v.dataset_id = ? AND v.state = 'ready' AND v.origin = 'transcribe'
            AND f.relative_path IN (?, ?) AND s.media_type IN ('text/plain', 'text/markdown')
          ORDER BY v.number DESC, s.ordinal LIMIT 1
          """, arguments: [datasetID, relativePath + ".txt", stem + ".txt"]
      ).map(Self.sampleRow)
    }
  }

  private static func sampleRow(_ row: Row) throws -> SampleRow {
    let root: String = row["file_root"]
    let relative: String = row["file_relative_path"]
    let path = root.hasSuffix("/") ? root + relative : root + "/" + relative
    return SampleRow(sample: try Sample(row: row), path: path, relativePath: relative)
  }
}
