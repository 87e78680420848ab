import Foundation
import PortalCore
import PortalStore

// MARK: - Export: the delivery bundle

extension PortalSession {
  /// Writes a self-describing delivery bundle of one version of a dataset into
  /// `directory`: the data (grouped by kind, in `options.format`), `croissant.json`,
  /// `README.md` (dataset card), `access-policy.json`, `provenance.jsonl` and
  /// `SHA256SUMS`. Needs the download permission. A public or public-pending dataset
  /// is exported as a public bundle only when its publication checklist passes for
  /// that version; `options.privateTerms` exports it under private terms instead.
  /// The bundle is built in a temporary sibling and renamed into place, so a failure
  /// leaves nothing; the export is recorded as a `dataset.export` audit event.
  public func exportDataset(
    _ reference: String, to directory: String, options: ExportOptions = ExportOptions(),
    progress: @escaping @Sendable (ExportProgress) -> Void = { _ in }
  ) throws -> ExportReport {
    let started = Date()
    progress(ExportProgress(phase: .checking))
    let dataset = try resolve(reference)
    try authorize(.download, on: dataset)
    let versionID = try versionID(of: dataset, number: options.version)
    guard let version = try wrap({ try catalog.version(id: versionID) }) else {
      throw PortalError.datasetNotFound(reference)
    }
    let kind: BundleKind = dataset.visibility == .private || options.privateTerms ? .privateTerms : .public
    if kind == .public { try checkPublicBundle(dataset, version: version) }
    let target = try BundleTarget(path: directory, force: options.force)
    let facts: BundleFacts
    let writer = BundleWriter(root: target.staging)
    let data: BundleDataWriter
    do {
      let lineage = try lineage(of: version)
      let follow = Self.importParameters(of: lineage.last ?? version).followSymlinks
      let reader = RecordReader(
        catalog: catalog, versionID: versionID, access: SourceAccess(dataset: dataset.slug, followSymlinks: follow),
        cancellation: options.cancellation)
      data = BundleDataWriter(
        reader: reader, writer: writer, options: options, slug: dataset.slug, versionNumber: version.number,
        progress: progress)
      try data.write(try wrap { try catalog.sourceFiles(ofVersion: versionID) })
      facts = try bundleFacts(dataset, version: version, lineage: lineage, kind: kind, options: options, data: data)
      try writeDocuments(facts, into: writer)
      progress(ExportProgress(phase: .finishing, filesDone: facts.files.count, filesTotal: facts.files.count))
      try target.commit()
    } catch {
      target.discard()
      throw error
    }
    let sums = writer.written["SHA256SUMS"]?.sha256 ?? ""
    let fileCount = writer.written.count - 1
    let bytes = writer.written.filter { $0.key != "SHA256SUMS" }.values.reduce(Int64(0)) { $0 + $1.size }
    let summary = ExportAuditSummary(
      version: version.number, bundle: kind.rawValue, format: options.format.rawValue, files: fileCount, bytes: bytes,
      sha256sums: sums, directory: target.directory.path, replacedPrevious: target.replaces)
    do {
      try wrap {
        try catalog.recordExport(
          audit: event(
            "dataset.export", target: "dataset", dataset.slug, dataset: dataset.id, after: JSONText.encode(summary)))
      }
    } catch {
      // An export that cannot be audited must not stand.
      try? FileManager.default.removeItem(at: target.directory)
      throw error
    }
    progress(
      ExportProgress(phase: .done, filesDone: fileCount, filesTotal: fileCount, bytesDone: bytes, bytesTotal: bytes))
    return ExportReport(
      datasetSlug: dataset.slug, datasetName: dataset.name, version: version.number, kind: kind,
      format: options.format, directory: target.directory.path, fileCount: fileCount, totalBytes: bytes,
      samples: version.sampleCount, linkedFiles: data.linked, checksumsDigest: sums,
      recordSets: facts.recordSets.map(\.name)
        + (facts.fileSets.contains { $0.group == "text" } && options.format == .original ? ["text-documents"] : []),
      replacedPrevious: target.replaces, seconds: Date().timeIntervalSince(started))
  }

  /// The publication checklist, evaluated for the exported version, must pass (the
  /// irreversibility confirmation aside: exporting publishes nothing).
  func checkPublicBundle(_ dataset: Dataset, version: DatasetVersion) throws {
    guard var state = try wrap({ try catalog.governanceState(dataset.id ?? 0) }) else {
      throw PortalError.datasetNotFound(dataset.slug)
    }
    state.dataset.currentVersionID = version.id
    state.currentVersionNumber = version.number
    state.piiScan = try wrap { try catalog.piiScans(ofVersion: version.id ?? 0) }.first
    let checklist = PublicationChecklist.evaluate(state, confirmedIrreversible: true)
    guard checklist.passes else {
      let unmet = checklist.unmet.map { "\($0.title): \($0.explanation)" }.joined(separator: "; ")
      throw PortalError.notAllowed(
        "'\(dataset.name)' is \(dataset.visibility.rawValue), so it would go out as a public bundle, but its publication checklist for version \(version.number) does not pass (\(unmet)); fix those, or export it under the partner's private terms with --private-terms"
      )
    }
  }

  /// The version and its ancestors, newest first.
  func lineage(of version: DatasetVersion) throws -> [DatasetVersion] {
    var chain = [version]
    var seen: Set<Int64> = [version.id ?? 0]
    while let parentID = chain.last?.parentID, seen.insert(parentID).inserted,
      let parent = try wrap({ try catalog.version(id: parentID) })
    {
      chain.append(parent)
    }
    return chain
  }
}

/// What the `dataset.export` audit event records.
struct ExportAuditSummary: Codable {
  var version: Int
  var bundle: String
  var format: String
  var files: Int
  var bytes: Int64
  var sha256sums: String
  var directory: String
  var replacedPrevious: Bool
}
