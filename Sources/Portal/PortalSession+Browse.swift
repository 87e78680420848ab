import Foundation
import PortalCore
import PortalStore

// MARK: - Browsing: list, show, samples, search

extension PortalSession {
  /// One page of the datasets the actor may discover. Pass `total` (from
  /// ``countDatasets(_:)``) when known: pages nearer the end are then read from the end.
  public func listDatasets(
    _ query: DatasetQuery = DatasetQuery(), limit: Int = 100, offset: Int = 0, total: Int? = nil
  ) throws -> [DatasetSummary] {
    let scope = AccessPolicy.discoverScope(for: try currentActor())
    return try wrap {
      try catalog.datasets(matching: query, scope: scope, limit: limit, offset: offset, total: total)
    }
  }

  /// How many datasets `listDatasets` would show in all.
  public func countDatasets(_ query: DatasetQuery = DatasetQuery()) throws -> Int {
    let scope = AccessPolicy.discoverScope(for: try currentActor())
    return try wrap { try catalog.countDatasets(matching: query, scope: scope) }
  }

  /// One dataset by name or slug, with its versions and what the actor may do.
  public func showDataset(_ reference: String) throws -> DatasetDetail {
    let dataset = try resolve(reference)
    let id = dataset.id ?? 0
    guard let summary = try wrap({ try catalog.summary(of: id) }) else { throw PortalError.datasetNotFound(reference) }
    let actor = try currentActor()
    let grants = try wrap { try catalog.grants(on: id) }
    let allowed = Action.allCases.filter {
      AccessPolicy.decide($0, actor: actor, dataset: dataset, grants: grants).isAllowed
    }.map(\.rawValue)
    return DatasetDetail(
      summary: summary, versions: try wrap { try catalog.versions(of: id) }, allowedActions: allowed)
  }

  /// Samples of a dataset's current version (or of version `number`), from ordinal
  /// `from`. Needs the preview permission: sample paths and excerpts are content.
  public func samples(of reference: String, version number: Int? = nil, from: Int = 0, limit: Int = 50) throws
    -> [SampleRow]
  {
    let dataset = try resolve(reference)
    try authorize(.preview, on: dataset)
    let versionID = try versionID(of: dataset, number: number)
    return try wrap { try catalog.samples(ofVersion: versionID, from: max(0, from), limit: max(0, limit)) }
  }

  /// Full-text search over what the actor may discover. Content matches (sample
  /// excerpts) are shown only for datasets the actor may preview.
  public func search(_ text: String, limit: Int = 50) throws -> [SearchHit] {
    let actor = try currentActor()
    let hits = try wrap { try catalog.search(text, scope: AccessPolicy.discoverScope(for: actor), limit: limit) }
    var previewable: [Int64: Bool] = [:]
    return try hits.filter { hit in
      guard hit.sampleOrdinal != nil else { return true }
      if let known = previewable[hit.datasetID] { return known }
      guard let dataset = try wrap({ try catalog.dataset(id: hit.datasetID) }) else { return false }
      let grants = try wrap { try catalog.grants(on: hit.datasetID) }
      let allowed = AccessPolicy.decide(.preview, actor: actor, dataset: dataset, grants: grants).isAllowed
      previewable[hit.datasetID] = allowed
      return allowed
    }
  }

  /// The id of version `number` of `dataset`, or of its current version.
  func versionID(of dataset: Dataset, number: Int?) throws -> Int64 {
    guard let number else {
      guard let current = dataset.currentVersionID else { throw PortalError.datasetNotFound(dataset.slug) }
      return current
    }
    let versions = try wrap { try catalog.versions(of: dataset.id ?? 0) }
    guard let version = versions.first(where: { $0.number == number }), let id = version.id else {
      let list = versions.map { String($0.number) }.reversed().joined(separator: ", ")
      throw PortalError.invalidArgument(
        "'\(dataset.name)' has no version \(number); its versions are \(list)")
    }
    return id
  }
}
