import Foundation
import PortalCore
import PortalMedia
import PortalStore

// MARK: - Registering data: import and rescan

extension PortalSession {
  /// Imports `request.paths` as a new dataset. Files that cannot be used are listed
  /// in the report; the dataset appears only when everything else is written.
  @discardableResult
  public func importDataset(
    _ request: ImportRequest, progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
  ) throws -> ImportReport {
    try authorize(.importData)
    let name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { throw PortalError.invalidArgument("a dataset needs a name: pass --name \"…\"") }
    guard let slug = Slug.make(from: name) else {
      throw PortalError.invalidArgument("'\(name)' has no letters or digits to make a slug from; choose another --name")
    }
    let roots = try Self.checkedRoots(request.paths)
    let started = Date()
    progress(ImportProgress(phase: .walking))
    let dataset = Dataset(
      slug: slug, name: name, description: request.description, tags: Self.normalisedTags(request.tags),
      ownerID: actor.id)
    let parameters = JSONText.encode(ImportParameters(roots: roots, followSymlinks: request.followSymlinks))
    let staging = try PhaseTimings.measure("session.begin version") {
      try wrap {
        try catalog.beginVersion(
          of: nil, creating: dataset, origin: .import, parameters: parameters, createdBy: actor.id)
      }
    }
    let walk = ImportWalk(roots: roots, options: .init(followSymlinksOutsideRoot: request.followSymlinks))
    var report = ImportReport(datasetSlug: slug, datasetName: name)
    do {
      let published = try wrap {
        // A bulk import defers checkpoints as it goes; publishing ends that.
        defer { try? catalog.resumeCheckpoints() }
        let importer = Importer(
          catalog: catalog, staging: staging, progress: progress, started: started, logger: logger)
        let outcome = try importer.run(
          walk.start(), analyzer: FileAnalyzer(options: .init(followSymlinksOutsideRoot: request.followSymlinks)),
          readAhead: request.readAheadOverride ?? Importer.readAheadByDefault)
        let walked = walk.finished()
        report.problems = walked.problems.map { ImportReport.Problem(path: $0.path, reason: $0.reason) }
        guard walked.files > 0 else {
          let why = walked.problems.prefix(3).map(\.description).joined(separator: "; ")
          throw PortalError.importFailed(
            "no files to import under \(roots.joined(separator: ", "))\(why.isEmpty ? "" : " (\(why))")")
        }
        report.problems += outcome.problems
        report.filesAdded = outcome.added
        report.samples = outcome.samples
        report.bytes = outcome.bytes
        guard outcome.samples > 0 else {
          throw PortalError.importFailed("none of the \(walked.files) files held a sample the portal can read")
        }
        progress(
          ImportProgress(phase: .publishing, samples: outcome.samples, elapsed: Date().timeIntervalSince(started)))
        report.versionNumber = staging.number
        report.seconds = Date().timeIntervalSince(started)
        let summary = ImportAuditSummary(report: report, roots: roots)
        return try PhaseTimings.measure("session.publish") {
          try wrap {
            try catalog.publish(
              staging, report: JSONText.encode(report),
              audit: event(
                "dataset.import", target: "dataset", slug, dataset: staging.datasetID,
                after: JSONText.encode(summary)),
              update: { _ in }, totals: outcome.totals)
          }
        }
      }
      logger.info(
        "imported dataset",
        metadata: [
          "dataset": "\(published.slug)", "samples": "\(report.samples)", "files": "\(report.filesAdded)",
          "problems": "\(report.problems.count)",
        ])
      finishContentIndex(request.contentIndex, report: &report, started: started, progress: progress)
      report.seconds = Date().timeIntervalSince(started)
      progress(ImportProgress(phase: .done, samples: report.samples, elapsed: report.seconds))
      return report
    } catch {
      try? catalog.abandon(staging)
      throw error
    }
  }

  /// Re-reads a dataset's import roots: new files are added, changed ones (size or
  /// modification time) re-read, vanished ones dropped, unchanged ones carried over
  /// without hashing. Makes a new version only when something changed.
  @discardableResult
  public func rescan(
    _ reference: String, followSymlinks: Bool? = nil, contentIndex: ContentIndexing = .now,
    progress: @escaping @Sendable (ImportProgress) -> Void = { _ in }
  ) throws -> ImportReport {
    let dataset = try resolve(reference)
    try authorize(.importData, on: dataset)
    try refuseNewVersionIfPublic(dataset, making: "a rescan")
    guard let datasetID = dataset.id, let currentID = dataset.currentVersionID,
      let current = try wrap({ try catalog.version(id: currentID) })
    else { throw PortalError.datasetNotFound(reference) }
    let previous = Self.importParameters(of: current)
    guard !previous.roots.isEmpty else {
      throw PortalError.invalidArgument("'\(dataset.name)' was not made by an import, so there is nothing to rescan")
    }
    let follow = followSymlinks ?? previous.followSymlinks
    let started = Date()
    progress(ImportProgress(phase: .walking))
    let walk = DirectoryWalker(options: .init(followSymlinksOutsideRoot: follow)).walk(previous.roots)
    let known = try wrap { try catalog.files(ofVersion: currentID) }
    var byPath: [String: VersionFileInfo] = [:]
    for info in known { byPath[info.root + "\u{0}" + info.relativePath] = info }
    var report = ImportReport(datasetSlug: dataset.slug, datasetName: dataset.name)
    report.problems = walk.problems.map { ImportReport.Problem(path: $0.path, reason: $0.reason) }
    var items: [Importer.Item] = []
    var seen = Set<String>()
    for entry in walk.entries {
      let key = entry.root + "\u{0}" + entry.relativePath
      seen.insert(key)
      if let info = byPath[key], info.size == entry.size, info.mtimeNanos == entry.mtimeNanos {
        items.append(.reuse(entry, info, fromVersion: currentID))
        report.filesUnchanged += 1
      } else {
        items.append(.analyse(entry))
        if byPath[key] == nil { report.filesAdded += 1 } else { report.filesChanged += 1 }
      }
    }
    report.filesVanished = byPath.keys.filter { !seen.contains($0) }.count
    if report.filesAdded == 0 && report.filesChanged == 0 && report.filesVanished == 0 {
      report.seconds = Date().timeIntervalSince(started)
      report.samples = current.sampleCount
      report.bytes = current.totalBytes
      progress(ImportProgress(phase: .done, samples: report.samples, elapsed: report.seconds))
      return report
    }
    let staging = try wrap {
      try catalog.beginVersion(
        of: datasetID, creating: nil, origin: .rescan,
        parameters: JSONText.encode(ImportParameters(roots: previous.roots, followSymlinks: follow)),
        createdBy: actor.id)
    }
    do {
      _ = try wrap {
        // A bulk rescan defers checkpoints as it goes; publishing ends that.
        defer { try? catalog.resumeCheckpoints() }
        let importer = Importer(
          catalog: catalog, staging: staging, progress: progress, started: started, logger: logger)
        let outcome = try importer.run(
          items, analyzer: FileAnalyzer(options: .init(followSymlinksOutsideRoot: follow)))
        report.problems += outcome.problems
        report.samples = outcome.samples
        report.bytes = outcome.bytes
        report.versionNumber = staging.number
        report.seconds = Date().timeIntervalSince(started)
        progress(ImportProgress(phase: .publishing, samples: outcome.samples, elapsed: report.seconds))
        let summary = ImportAuditSummary(report: report, roots: previous.roots)
        return try wrap {
          try catalog.publish(
            staging, report: JSONText.encode(report),
            audit: event(
              "dataset.rescan", target: "dataset", dataset.slug, dataset: datasetID,
              before: JSONText.encode(["version": current.number, "samples": current.sampleCount]),
              after: JSONText.encode(summary)),
            update: { _ in }, totals: outcome.totals)
        }
      }
      finishContentIndex(contentIndex, report: &report, started: started, progress: progress)
      report.seconds = Date().timeIntervalSince(started)
      progress(ImportProgress(phase: .done, samples: report.samples, elapsed: report.seconds))
      return report
    } catch {
      try? catalog.abandon(staging)
      throw error
    }
  }

  // MARK: - Helpers

  /// Publication vouched for one version's content (its licence, its clean scan, its
  /// sign-off), and it cannot be undone; a new version of a public dataset would be
  /// published without any of that. So a public dataset's content is frozen, like its
  /// licence. (Public-pending datasets may change: a new version needs a new scan and
  /// sign-off, which the checklist asks for.)
  func refuseNewVersionIfPublic(_ dataset: Dataset, making what: String) throws {
    guard dataset.visibility == .public else { return }
    throw PortalError.notAllowed(
      "'\(dataset.name)' is public, and a public dataset's content is frozen (its scan and sign-off vouch for the version that was published), so \(what) cannot make a new version of it; import the changed files as a new dataset (portal import PATH --name \"…\") and publish that one through the checklist"
    )
  }

  /// Absolute, existing roots; a clear error naming the first that is missing.
  static func checkedRoots(_ paths: [String]) throws -> [String] {
    guard !paths.isEmpty else { throw PortalError.invalidArgument("name at least one file or directory to import") }
    let cwd = FileManager.default.currentDirectoryPath
    return try paths.map { path in
      let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
      let standard = URL(fileURLWithPath: absolute).standardizedFileURL.path
      guard FileManager.default.fileExists(atPath: standard) else {
        throw PortalError.invalidArgument("\(path) does not exist; check the path and try again")
      }
      return standard
    }
  }

  static func normalisedTags(_ tags: [String]) -> [String] {
    var seen = Set<String>()
    return tags.flatMap { $0.split(separator: ",") }
      .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
      .filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  static func importParameters(of version: DatasetVersion) -> ImportParameters {
    (try? JSONDecoder().decode(ImportParameters.self, from: Data(version.parameters.utf8)))
      ?? ImportParameters(roots: [], followSymlinks: false)
  }
}

/// The parameters an import records in its version, so a rescan can repeat it.
struct ImportParameters: Codable, Sendable {
  var roots: [String]
  var followSymlinks: Bool
}

/// What the audit log keeps of an import: counts and roots, never content.
struct ImportAuditSummary: Codable, Sendable {
  var version: Int?
  var roots: [String]
  var filesAdded: Int
  var filesChanged: Int
  var filesVanished: Int
  var samples: Int
  var bytes: Int64
  var problems: Int

  init(report: ImportReport, roots: [String]) {
    version = report.versionNumber
    self.roots = roots
    filesAdded = report.filesAdded
    filesChanged = report.filesChanged
    filesVanished = report.filesVanished
    samples = report.samples
    bytes = report.bytes
    problems = report.problems.count
  }
}
