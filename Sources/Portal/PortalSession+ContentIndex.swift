import Foundation
import PortalCore
import PortalStore

// MARK: - The search index of sample text, built after an import is published

extension PortalSession {
  /// How far the search index of sample excerpts has got, over the datasets the actor
  /// may discover. Dataset names, descriptions and tags are always indexed at once.
  public func contentIndexStatus() throws -> ContentIndexStatus {
    let actor = try currentActor()
    return try wrap { try catalog.contentIndexStatus(scope: AccessPolicy.discoverScope(for: actor)) }
  }

  /// Indexes the excerpts of every published version still waiting for it, a step (one
  /// short write transaction) at a time, until none is left or `shouldStop` says so.
  /// Safe to run in several processes at once. Returns the samples it covered.
  ///
  /// With `dataset` (a slug or name), only that dataset's versions: an import indexing
  /// its own text before returning leaves others' backlogs to the background pass.
  @discardableResult
  public func buildContentIndex(
    of dataset: String? = nil, progress: (ContentIndexStatus) -> Void = { _ in }, shouldStop: () -> Bool = { false }
  ) throws -> Int {
    _ = try currentActor()
    let datasetID = try dataset.map { try resolve($0).id ?? 0 }
    var covered = 0
    while !shouldStop() {
      let step = try wrap { try catalog.indexPendingContent(datasetID: datasetID) }
      if step == 0 { break }
      covered += step
      progress(try contentIndexStatus())
    }
    return covered
  }

  /// Folds the catalog's write-ahead log back into its file (a bulk import leaves that
  /// to the next writer): with `truncating`, all of it and the file truncated, else what
  /// no reader needs, without waiting. False when other connections kept it from
  /// finishing, which is harmless: later commits carry on.
  @discardableResult
  public func foldBackWriteAheadLog(truncating: Bool = true) -> Bool {
    catalog.foldBackWAL(truncating: truncating)
  }

  /// After publishing an import or rescan: index its excerpts now, or leave them to a
  /// background pass. Either way the report says whether content search is complete.
  func finishContentIndex(
    _ mode: ContentIndexing, report: inout ImportReport, started: Date,
    progress: @Sendable (ImportProgress) -> Void
  ) {
    if mode == .now {
      progress(ImportProgress(phase: .indexing, samples: report.samples, elapsed: Date().timeIntervalSince(started)))
      do {
        try PhaseTimings.measure("session.content index (now)") {
          _ = try buildContentIndex(of: report.datasetSlug)
        }
      } catch {
        // The version is published; its excerpts stay queued for the next pass.
        logger.error("indexing sample text failed; it stays queued", metadata: ["error": "\(error)"])
      }
    }
    report.contentIndexPending = (try? catalog.hasPendingContentIndex()) ?? true
  }
}
