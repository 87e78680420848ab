import Foundation
import PortalCore
import PortalMedia

// MARK: - Record files (JSONL, CSV, TSV): kept, or converted to JSONL

extension BundleDataWriter {
  /// The columns every converted line starts with.
  static func baseFields(flat: Bool) -> [BundleField] {
    var fields = [
      BundleField(column: "id", type: .text, description: "The sample's id: dataset slug, version, ordinal."),
      BundleField(column: "ordinal", type: .integer, description: "0-based position of the sample in its version."),
      BundleField(column: "text", type: .text, description: "The sample's text."),
      BundleField(column: "media_type", type: .text, description: "Media type of the source."),
      BundleField(column: "language", type: .text, description: "BCP-47 language, when identified."),
    ]
    if flat {
      fields += [
        BundleField(column: "source_file", type: .text, description: "Source file, relative to its import root."),
        BundleField(
          column: "source_offset", type: .integer, description: "Byte offset of the sample in its source file."),
        BundleField(column: "source_length", type: .integer, description: "Length in bytes of the sample."),
        BundleField(column: "source_sha256", type: .text, description: "SHA-256 of the sample's source bytes."),
      ]
    }
    return fields
  }

  /// One line of a converted file: nested (`jsonl`) or flat with `schema`'s columns.
  func line(_ record: ExportRecord, file: SourceFile, schema: ColumnSchema?) -> JSONValue {
    let sample = record.sample
    var object: [String: JSONValue] = [
      "id": .string(sampleID(sample)), "ordinal": .int(Int64(sample.ordinal)), "text": .string(record.text),
      "media_type": .string(sample.mediaType.rawValue), "language": .text(sample.language),
    ]
    if options.format == .parquetCompatibleJSONL {
      object["source_file"] = .string(file.relativePath)
      object["source_offset"] = .int(sample.offset)
      object["source_length"] = .int(sample.length)
      object["source_sha256"] = .string(sample.sha256)
      if let schema {
        for (column, name) in flatColumns(schema) {
          object[name] = schema.flatValue(record.fields?[column], column: column)
        }
      }
    } else {
      object["source"] = [
        "file": .string(file.relativePath), "offset": .int(sample.offset), "length": .int(sample.length),
        "sha256": .string(sample.sha256),
      ]
      if let fields = record.fields { object["fields"] = .object(fields) }
    }
    return .object(object)
  }

  /// Source column → flat column name (`field_<name>`, safe characters, unique).
  func flatColumns(_ schema: ColumnSchema) -> [(String, String)] {
    var used = Set(Self.baseFields(flat: true).map(\.column))
    return schema.columns.map { column in
      let clean = String(column.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
      var name = "field_" + clean
      var counter = 2
      while !used.insert(name).inserted {
        name = "field_\(clean)_\(counter)"
        counter += 1
      }
      return (column, name)
    }
  }

  func writeRecords(_ file: SourceFile) throws {
    let delimiter: UInt8? =
      switch file.mediaType {
      case .csv: UInt8(ascii: ",")
      case .tsv: UInt8(ascii: "\t")
      default: nil
      }
    let header = try delimiter.map { RecordText.fields(try reader.header(of: file), delimiter: $0) } ?? []
    var schema = ColumnSchema()
    let stem = BundlePath.replacingExtension(of: file.relativePath, with: "").dropLast()
    let name = uniqueName(String(stem.split(separator: "/").last ?? "records"))
    if options.format != .jsonl {
      // The schema needs every record before the first line can be typed.
      try reader.forEach(file) { sample, bytes in
        if let fields = ExportRecord.make(sample, bytes, header: header, delimiter: delimiter).fields {
          schema.add(fields)
        }
      }
    }
    if options.format == .original {
      try placeRecordFile(file, name: name, schema: schema, header: header)
      return
    }
    let path = writer.reserve(BundlePath.replacingExtension(of: "data/text/" + file.relativePath, with: "jsonl"))
    let output = try writer.create(path)
    var count = 0
    try reader.forEach(file) { sample, bytes in
      let record = ExportRecord.make(sample, bytes, header: header, delimiter: delimiter)
      try output.writeLine(line(record, file: file, schema: schema).compactText)
      count += 1
    }
    let (sha, size) = try output.finish()
    add(path, "application/jsonl", sha, size, .data, "text")
    var fields = Self.baseFields(flat: options.format == .parquetCompatibleJSONL)
    if options.format == .parquetCompatibleJSONL {
      fields += flatColumns(schema).map { column, flat in
        BundleField(column: flat, type: schema.type(of: column), description: "Source field '\(column)'.")
      }
    }
    addRecordSet(
      BundleRecordSet(
        name: name, file: path, fields: fields,
        description:
          "The records of \(file.relativePath), one line per record, with the text and a reference to the source bytes.",
        count: count))
  }

  /// Keeps a record file as it is and describes the columns a reader can rely on.
  private func placeRecordFile(_ file: SourceFile, name: String, schema: ColumnSchema, header: [String]) throws {
    let real = try reader.access.resolve(file)
    let path = writer.reserve("data/text/" + file.relativePath)
    let placed = try writer.place(source: real, at: path, link: options.linkFiles, cancellation: options.cancellation)
    guard placed.sha256 == file.sha256 else {
      throw PortalError.invalidArgument(
        "'\(file.relativePath)' of '\(slug)' changed since it was imported; rescan it first: portal import --rescan \(slug)"
      )
    }
    if placed.linked { noteLinked() }
    add(path, file.mediaType.rawValue, placed.sha256, placed.size, .data, "text")
    // CSV: every header column. JSONL: keys every record has with one scalar type.
    let columns = header.isEmpty ? schema.columns.filter(schema.isAlwaysScalar) : header.filter { !$0.isEmpty }
    guard !columns.isEmpty else { return }
    addRecordSet(
      BundleRecordSet(
        name: name, file: path, fields: columns.map { BundleField(column: $0, type: schema.type(of: $0)) },
        description: "The records of \(file.relativePath) as the partner supplied them.", count: schema.records))
  }
}
