import Crypto
import Foundation
import PortalCore
import PortalStore

/// Writes a job's output files under its directory in the catalog and describes them
/// as catalog rows. Each file is written to a temporary name and renamed, so a crash
/// never leaves a half-written file under a name a version refers to.
struct OutputFiles: Sendable {
  let directory: URL
  let datasetID: Int64

  init(_ context: JobContext) {
    directory = context.outputDirectory
    datasetID = context.job.datasetID
  }

  /// Writes `data` as `name` (replacing an earlier attempt's file of that name).
  func write(_ data: Data, as name: String, mediaType: MediaType) throws -> SourceFile {
    let url = directory.appendingPathComponent(name)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
      try data.write(to: temporary)
      if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
      try FileManager.default.moveItem(at: temporary, to: url)
    } catch {
      throw JobFailure(
        "cannot write the job's output \(url.path): \(error.localizedDescription) (free some disk space, then retry the job)"
      )
    }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    let modified = (attributes?[.modificationDate] as? Date) ?? Date()
    return SourceFile(
      datasetID: datasetID, root: directory.path, relativePath: name, size: Int64(data.count),
      mtimeNanos: Int64(modified.timeIntervalSince1970 * 1_000_000_000), sha256: Self.sha256(data),
      mediaType: mediaType)
  }

  /// A text sample for a whole output file.
  static func textSample(
    _ text: String, data: Data, ordinal: Int, language: String? = nil, durationMillis: Int64? = nil
  ) -> Sample {
    Sample(
      versionID: 0, ordinal: ordinal, fileID: 0, offset: 0, length: Int64(data.count), mediaType: .plainText,
      sha256: sha256(data), durationMillis: durationMillis, language: language, excerpt: excerpt(text))
  }

  /// The first 280 characters, whitespace folded, for search and lists.
  static func excerpt(_ text: String) -> String? {
    let folded = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return folded.isEmpty ? nil : String(folded.prefix(280))
  }

  static func sha256(_ data: Data) -> String {
    AuditChain.hex(SHA256.hash(data: data))
  }
}
