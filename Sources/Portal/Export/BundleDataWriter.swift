import Foundation
import PortalCore
import PortalMedia
import PortalStore

/// Writes the data of a version into a bundle, grouped by kind (`data/text`,
/// `data/document`, `data/image`, `data/audio`, `data/video`), in the chosen format,
/// and describes what it wrote: files with their hashes, file sets, record sets.
final class BundleDataWriter {
  let reader: RecordReader
  let writer: BundleWriter
  let options: ExportOptions
  let slug: String
  let versionNumber: Int
  let progress: @Sendable (ExportProgress) -> Void

  private(set) var files: [BundleFile] = []
  private(set) var recordSets: [BundleRecordSet] = []
  private(set) var fileSets: [BundleFileSet] = []
  private(set) var linked = 0
  private var listings: [String: [[String: JSONValue]]] = [:]
  private var documents: BundleOutput?
  private var documentsPath = ""
  private var documentCount = 0
  private var recordSetNames = Set<String>()

  init(
    reader: RecordReader, writer: BundleWriter, options: ExportOptions, slug: String, versionNumber: Int,
    progress: @escaping @Sendable (ExportProgress) -> Void
  ) {
    self.reader = reader
    self.writer = writer
    self.options = options
    self.slug = slug
    self.versionNumber = versionNumber
    self.progress = progress
  }

  /// The bundle directory a media type's files go to.
  static func group(of type: MediaType) -> String {
    switch type {
    case .pdf: "document"
    case .plainText, .markdown, .jsonl, .csv, .tsv: "text"
    default: type.modality.rawValue
    }
  }

  /// Writes every file of the version.
  func write(_ sources: [SourceFile]) throws {
    let total = sources.reduce(Int64(0)) { $0 + $1.size }
    var done: Int64 = 0
    for (index, file) in sources.enumerated() {
      if options.cancellation?.isCancelled == true { throw PortalError.invalidArgument("the export was cancelled") }
      progress(
        ExportProgress(
          phase: .data, filesDone: index, filesTotal: sources.count, bytesDone: done, bytesTotal: total,
          currentFile: file.relativePath))
      let group = Self.group(of: file.mediaType)
      if file.mediaType.isRecordContainer {
        try writeRecords(file)
      } else if group == "text" && options.format != .original {
        try writeDocument(file)
      } else {
        try place(file, group: group)
      }
      done += file.size
    }
    if let documents {
      let (sha, size) = try documents.finish()
      add(documentsPath, "application/jsonl", sha, size, .data, "text")
      recordSets.append(
        BundleRecordSet(
          name: uniqueName("documents"), file: documentsPath, fields: Self.baseFields(flat: options.format != .jsonl),
          description: "One record per text document of the dataset, with its text and a reference to its source file.",
          count: documentCount))
    }
    try writeListings()
    files.sort { $0.path < $1.path }
    progress(
      ExportProgress(
        phase: .metadata, filesDone: sources.count, filesTotal: sources.count, bytesDone: total, bytesTotal: total))
  }

  // MARK: - Files kept as files

  private func place(_ file: SourceFile, group: String) throws {
    let real = try reader.access.resolve(file)
    let path = writer.reserve("data/\(group)/" + file.relativePath)
    let placed = try writer.place(source: real, at: path, link: options.linkFiles, cancellation: options.cancellation)
    guard placed.sha256 == file.sha256 else {
      throw PortalError.invalidArgument(
        "'\(file.relativePath)' of '\(slug)' changed since it was imported; rescan it first: portal import --rescan \(slug)"
      )
    }
    if placed.linked { linked += 1 }
    add(path, file.mediaType.rawValue, placed.sha256, placed.size, .data, group)
    guard !file.mediaType.isRecordContainer else { return }
    let sample = try reader.catalog.samples(ofVersion: reader.versionID, fileID: file.id ?? 0, from: 0, limit: 1).first
    let prefix = "data/\(group)/"
    var row: [String: JSONValue] = [
      "file_name": .string(String(path.dropFirst(prefix.count))), "sha256": .string(placed.sha256),
      "bytes": .int(placed.size), "media_type": .string(file.mediaType.rawValue),
      "sample_id": .text(sample.map { sampleID($0) }), "ordinal": sample.map { .int(Int64($0.ordinal)) } ?? .null,
      "language": .text(sample?.language),
    ]
    if group == "image" {
      row["width"] = sample?.width.map { .int(Int64($0)) } ?? .null
      row["height"] = sample?.height.map { .int(Int64($0)) } ?? .null
    }
    if group == "audio" || group == "video" {
      row["duration_ms"] = sample?.durationMillis.map { .int($0) } ?? .null
    }
    listings[group, default: []].append(row)
  }

  /// `data/<group>/metadata.jsonl` per group (the Hugging Face folder convention),
  /// and a file set per group.
  private func writeListings() throws {
    for group in listings.keys.sorted() {
      let rows = listings[group] ?? []
      let path = writer.reserve("data/\(group)/metadata.jsonl")
      let output = try writer.create(path)
      var schema = ColumnSchema()
      for row in rows { schema.add(row) }
      let columns = schema.columns.sorted()
      for row in rows {
        try output.writeLine(
          JSONValue.object(Dictionary(uniqueKeysWithValues: columns.map { ($0, row[$0] ?? .null) })).compactText)
      }
      let (sha, size) = try output.finish()
      add(path, "application/jsonl", sha, size, .listing, group)
      let members = files.filter { $0.group == group && $0.role == .data && $0.path != documentsPath }
      fileSets.append(
        BundleFileSet(
          group: group, includes: members.map(\.path).sorted(),
          encodingFormats: Array(Set(members.map(\.encodingFormat))).sorted()))
      recordSets.append(
        BundleRecordSet(
          name: uniqueName("\(group)-files"), file: path,
          fields: columns.map {
            BundleField(column: $0, type: schema.type(of: $0), description: Self.listingDescription($0))
          },
          description:
            "One record per \(group) file: its name (relative to data/\(group)/), SHA-256, size and media facts.",
          count: rows.count))
    }
  }

  private static func listingDescription(_ column: String) -> String {
    [
      "file_name": "Path of the file relative to this listing.", "sha256": "SHA-256 of the file.",
      "bytes": "Size in bytes.", "media_type": "IANA media type.", "sample_id": "The sample's id in the dataset.",
      "ordinal": "0-based position of the sample in its version.", "language": "BCP-47 language, when identified.",
      "width": "Width in pixels.", "height": "Height in pixels.", "duration_ms": "Duration in milliseconds.",
    ][column] ?? ""
  }

  // MARK: - Helpers shared with the record conversion

  func add(_ path: String, _ type: String, _ sha: String, _ size: Int64, _ role: BundleFile.Role, _ group: String) {
    files.append(BundleFile(path: path, encodingFormat: type, sha256: sha, size: size, role: role, group: group))
  }

  func addRecordSet(_ set: BundleRecordSet) { recordSets.append(set) }

  func noteLinked() { linked += 1 }

  func sampleID(_ sample: Sample) -> String { "\(slug)-v\(versionNumber)-\(sample.ordinal)" }

  /// A record-set name not used yet, made of safe characters.
  func uniqueName(_ base: String) -> String {
    let clean = String(base.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    var name = clean.isEmpty ? "records" : clean
    var counter = 2
    while !recordSetNames.insert(name).inserted {
      name = "\(clean)-\(counter)"
      counter += 1
    }
    return name
  }

  /// A text document appended to `data/text/documents.jsonl`.
  private func writeDocument(_ file: SourceFile) throws {
    if documents == nil {
      documentsPath = writer.reserve("data/text/documents.jsonl")
      documents = try writer.create(documentsPath)
    }
    try reader.forEach(file) { sample, bytes in
      let record = ExportRecord.make(sample, bytes, header: [], delimiter: nil)
      try documents?.writeLine(line(record, file: file, schema: nil).compactText)
      documentCount += 1
    }
  }
}
