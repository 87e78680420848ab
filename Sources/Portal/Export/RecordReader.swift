import Crypto
import Foundation
import PortalCore
import PortalMedia
import PortalStore

/// Reads the samples of one source file of a version from their byte ranges, page by
/// page, checking each sample's bytes against the SHA-256 recorded at import — a file
/// changed since then is refused, never exported with stale checksums.
struct RecordReader {
  let catalog: Catalog
  let versionID: Int64
  let access: SourceAccess
  let cancellation: ExportCancellation?

  /// Calls `body` with each sample of `file` and its bytes, in order.
  func forEach(_ file: SourceFile, _ body: (Sample, [UInt8]) throws -> Void) throws {
    let handle = try access.open(file)
    defer { try? handle.close() }
    var from = 0
    while true {
      if cancellation?.isCancelled == true { throw PortalError.invalidArgument("the export was cancelled") }
      let page = try wrap { try catalog.samples(ofVersion: versionID, fileID: file.id ?? 0, from: from, limit: 2_000) }
      for sample in page {
        try handle.seek(toOffset: UInt64(max(0, sample.offset)))
        let bytes = [UInt8](try handle.read(upToCount: Int(sample.length)) ?? Data())
        let digest = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
        guard bytes.count == Int(sample.length), digest == sample.sha256 else {
          throw PortalError.invalidArgument(
            "'\(file.relativePath)' of '\(access.dataset)' changed since it was imported (sample \(sample.ordinal) differs); rescan it first: portal import --rescan \(access.dataset)"
          )
        }
        try body(sample, bytes)
      }
      guard let last = page.last, page.count == 2_000 else { return }
      from = last.ordinal + 1
    }
  }

  /// The bytes before the first sample of a CSV file: its header row.
  func header(of file: SourceFile) throws -> [UInt8] {
    guard
      let first = try wrap({ try catalog.samples(ofVersion: versionID, fileID: file.id ?? 0, from: 0, limit: 1) })
        .first,
      first.offset > 0
    else { return [] }
    let handle = try access.open(file)
    defer { try? handle.close() }
    var bytes = [UInt8](try handle.read(upToCount: Int(min(first.offset, 1 << 20))) ?? Data())
    while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
    return bytes
  }
}

/// One source record (JSONL line, CSV row, text document) as the bundle presents it.
struct ExportRecord {
  var sample: Sample
  var text: String
  /// The record's own fields (nil for a document, or a line that is not a JSON object).
  var fields: [String: JSONValue]?

  /// Reads `bytes` of `sample` as its media type says.
  static func make(_ sample: Sample, _ bytes: [UInt8], header: [String], delimiter: UInt8?) -> ExportRecord {
    switch sample.mediaType {
    case .jsonl:
      let text = RecordText.decode(bytes)
      guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else {
        return ExportRecord(sample: sample, text: text, fields: nil)
      }
      let fields = object.mapValues(JSONValue.init(any:))
      let preferred = ["text", "content", "body", "transcript"].lazy.compactMap { key -> String? in
        if case .string(let value)? = fields[key] { return value }
        return nil
      }.first
      return ExportRecord(sample: sample, text: preferred ?? text, fields: fields)
    case .csv, .tsv:
      let values = RecordText.fields(bytes, delimiter: delimiter ?? UInt8(ascii: ","))
      var fields: [String: String] = [:]
      var lines: [String] = []
      for (index, value) in values.enumerated() {
        let name = index < header.count && !header[index].isEmpty ? header[index] : "column_\(index + 1)"
        fields[name] = value
        if !value.isEmpty { lines.append("\(name): \(value)") }
      }
      return ExportRecord(
        sample: sample, text: lines.joined(separator: "\n"), fields: fields.mapValues(ColumnSchema.csvValue))
    default:
      return ExportRecord(sample: sample, text: RecordText.decode(bytes), fields: nil)
    }
  }
}
