import Foundation
import PortalCore

/// Reads the text of a text sample from its file: a whole text file, one JSONL
/// record's text field, or one CSV/TSV row as it stands.
enum SampleText {
  /// Fields a JSONL record's text is looked for in, in order.
  static let textFields = ["text", "content", "body", "message", "transcript"]

  /// The sample's text, or a reason it has none.
  static func read(_ row: SampleRow) -> Result<String, JobFailure> {
    let sample = row.sample
    guard sample.mediaType.modality == .text, sample.mediaType != .pdf else {
      return .failure(
        JobFailure(
          sample.mediaType == .pdf
            ? "a PDF: run `portal ocr` first and clean its text version"
            : "not text (\(sample.mediaType.label))"))
    }
    guard let handle = FileHandle(forReadingAtPath: row.path) else {
      return .failure(JobFailure("cannot read \(row.relativePath) (moved since import, or no permission)"))
    }
    defer { try? handle.close() }
    let data: Data
    do {
      try handle.seek(toOffset: UInt64(max(0, sample.offset)))
      data = try handle.read(upToCount: Int(sample.length)) ?? Data()
    } catch {
      return .failure(JobFailure("cannot read \(row.relativePath): \(error.localizedDescription)"))
    }
    guard data.count == Int(sample.length) else {
      return .failure(JobFailure("\(row.relativePath) is shorter than at import (changed since; rescan the dataset)"))
    }
    let text = String(decoding: data, as: UTF8.self)
    if sample.mediaType == .jsonl {
      guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        return .failure(JobFailure("record \(sample.ordinal) is not a JSON object"))
      }
      for field in textFields { if let value = object[field] as? String { return .success(value) } }
      return .failure(JobFailure("record \(sample.ordinal) has no text field (\(textFields.joined(separator: ", ")))"))
    }
    return .success(text)
  }
}
