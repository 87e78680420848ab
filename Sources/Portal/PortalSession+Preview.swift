import Foundation
import PortalCore
import PortalMedia
import PortalStore

// MARK: - Previewing a sample

extension PortalSession {
  /// The preview of one sample of `reference`'s current version (or version `number`),
  /// built for a pane of `options.columns` × `options.rows`. Needs the preview
  /// permission. The sample's file, offset and neighbours come from the catalog; what
  /// cannot be decoded is a one-line reason inside the preview, not an error.
  public func preview(
    _ reference: String, sample: SampleReference = .ordinal(0), version number: Int? = nil,
    options: PreviewOptions = PreviewOptions()
  ) throws -> SamplePreview {
    let dataset = try resolve(reference)
    try authorize(.preview, on: dataset)
    let versionID = try versionID(of: dataset, number: number)
    let row: SampleRow?
    switch sample {
    case .ordinal(let ordinal):
      row = try wrap { try catalog.samples(ofVersion: versionID, from: ordinal, limit: 1) }.first {
        $0.sample.ordinal == ordinal
      }
    case .path(let path, let offset):
      row = try wrap { try catalog.sample(ofVersion: versionID, relativePath: path, offset: offset) }
    }
    guard let row else { throw PortalError.sampleNotFound(dataset: dataset.slug, sample: sample.description) }
    var source = PreviewSource(
      path: row.path, relativePath: row.relativePath, offset: row.sample.offset, length: row.sample.length,
      mediaType: row.sample.mediaType, ordinal: row.sample.ordinal)
    if row.sample.mediaType.isRecordContainer {
      let context = options.contextRows
      source.neighbours = try wrap {
        try catalog.samples(ofVersion: versionID, from: max(0, row.sample.ordinal - context), limit: 2 * context + 1)
      }.filter { $0.sample.fileID == row.sample.fileID }.map {
        PreviewRecord(ordinal: $0.sample.ordinal, offset: $0.sample.offset, length: $0.sample.length)
      }
    }
    if row.sample.mediaType.modality == .audio {
      source.transcript = try transcript(datasetID: dataset.id ?? 0, recordingPath: row.relativePath)
    }
    var preview = SamplePreviewer.preview(source, options: options)
    if let changed = try changedSinceImport(row, slug: dataset.slug) { preview.notices.insert(changed, at: 0) }
    return preview
  }

  /// The text of the transcript a transcription job produced for a recording, if any
  /// (see `Catalog.transcriptSample`: the newest `transcribe` version holding a text
  /// sample named after the recording). At most 64 KB of it.
  func transcript(datasetID: Int64, recordingPath: String) throws -> String? {
    guard let row = try wrap({ try catalog.transcriptSample(datasetID: datasetID, recordingPath: recordingPath) }),
      let handle = FileHandle(forReadingAtPath: row.path)
    else { return nil }
    defer { try? handle.close() }
    try? handle.seek(toOffset: UInt64(max(0, row.sample.offset)))
    let data = (try? handle.read(upToCount: Int(min(row.sample.length, 64 << 10)))) ?? nil
    return data.map { String(decoding: $0, as: UTF8.self) }
  }

  /// A notice when the sample's file no longer has the size and time the import saw.
  private func changedSinceImport(_ row: SampleRow, slug: String) throws -> String? {
    guard let recorded = try wrap({ try catalog.recordedFile(id: row.sample.fileID) }),
      let attributes = try? FileManager.default.attributesOfItem(atPath: row.path)
    else { return nil }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes[.modificationDate] as? Date).map { Int64($0.timeIntervalSince1970 * 1e9) } ?? 0
    let sameTime = abs(modified - recorded.mtimeNanos) < 1_000_000
    guard size != recorded.size || !sameTime else { return nil }
    return "the file changed since it was imported (run `portal import --rescan \(slug)`)"
  }
}
