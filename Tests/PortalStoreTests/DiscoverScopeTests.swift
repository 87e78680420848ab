import Foundation
import PortalCore
import PortalTesting
import Testing

@testable import PortalStore

/// The list query applies the discover rule in SQL; these tests check it agrees with
/// `AccessPolicy.decide(.discover…)` on every combination.
struct DiscoverScopeTests {
  @Test func sqlScopeAgreesWithThePolicyForEveryCombination() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    let rita = try fixture.addUser("rita", role: .reviewer)
    let vic = try fixture.addUser("vic", role: .viewer)
    let now = Date()
    var datasets: [Dataset] = []
    var index = 0
    for visibility in Visibility.allCases {
      for sensitivity in Sensitivity.allCases {
        for grantCase in 0..<5 {
          index += 1
          let dataset = try fixture.addDataset("d\(index)", visibility: visibility, sensitivity: sensitivity)
          switch grantCase {
          case 1: try fixture.grant(dataset, to: "rita")
          case 2: try fixture.grant(dataset, to: "rita", expires: now.addingTimeInterval(-60))
          case 3: try fixture.grant(dataset, to: "rita", revoked: now.addingTimeInterval(-60))
          case 4: try fixture.grant(dataset, to: "lab:training", kind: .lab, permission: .train)
          default: break
          }
          datasets.append(dataset)
        }
      }
    }
    for (user, groups) in [(rita, [String]()), (rita, ["lab:training"]), (vic, [])] {
      let actor = Actor(user: user, groups: groups)
      let listed = Set(
        try fixture.catalog.datasets(
          matching: DatasetQuery(), scope: AccessPolicy.discoverScope(for: actor), limit: 10_000, now: now
        ).map(\.dataset.slug))
      for dataset in datasets {
        let grants = try fixture.catalog.grants(on: dataset.id ?? 0)
        let allowed = AccessPolicy.decide(.discover, actor: actor, dataset: dataset, grants: grants, now: now).isAllowed
        #expect(
          listed.contains(dataset.slug) == allowed,
          "\(user.login)\(groups) on \(dataset.slug): \(dataset.visibility) \(dataset.sensitivity)")
      }
    }
    #expect(try fixture.catalog.countDatasets(matching: DatasetQuery(), scope: .nothing) == 0)
  }

  @Test func filtersAndSortingNarrowAndOrderTheList() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    try fixture.addDataset("Beta", visibility: .public, tags: ["press"], excerpts: ["a", "b", "c"])
    try fixture.addDataset("alpha", tags: ["audio"], excerpts: ["a"])
    try fixture.addDataset("Gamma", visibility: .public, excerpts: ["a", "b"])
    let byName = try fixture.catalog.datasets(matching: DatasetQuery(), scope: .everything, limit: 10)
    #expect(byName.map(\.dataset.name) == ["alpha", "Beta", "Gamma"])
    let bySamples = try fixture.catalog.datasets(
      matching: DatasetQuery(sort: .samples, descending: true), scope: .everything, limit: 10)
    #expect(bySamples.map(\.dataset.name) == ["Beta", "Gamma", "alpha"])
    let publicOnes = try fixture.catalog.datasets(
      matching: DatasetQuery(visibility: .public), scope: .everything, limit: 10)
    #expect(publicOnes.map(\.dataset.name) == ["Beta", "Gamma"])
    let tagged = try fixture.catalog.datasets(matching: DatasetQuery(tag: "press"), scope: .everything, limit: 10)
    #expect(tagged.map(\.dataset.name) == ["Beta"])
    let paged = try fixture.catalog.datasets(matching: DatasetQuery(), scope: .everything, limit: 1, offset: 1)
    #expect(paged.map(\.dataset.name) == ["Beta"])
  }

  /// The Datasets table's Last job column sorts: datasets without a job first, then by
  /// the most recent job's kind and state; reversed, the ones with jobs first.
  @Test func sortingByLastJobPutsDatasetsWithJobsTogether() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    // By name the dataset with the job would come first; by last job it comes last.
    try fixture.addDataset("Beta", excerpts: ["a"])
    let alpha = try fixture.addDataset("Alpha", excerpts: ["a"])
    try fixture.addDataset("Gamma", excerpts: ["a"])
    _ = try fixture.catalog.enqueue([
      Job(kind: .ocr, datasetID: alpha.id ?? 0, queuedBy: fixture.ownerID)
    ]) { _ in AuditEvent(at: Date(), actor: "test", action: "job.queue", targetKind: "job", targetID: "") }
    let ascending = try fixture.catalog.datasets(
      matching: DatasetQuery(sort: .lastJob), scope: .everything, limit: 10)
    #expect(ascending.map(\.dataset.name) == ["Beta", "Gamma", "Alpha"])
    #expect(ascending.last?.lastJobKind == .ocr)
    let descending = try fixture.catalog.datasets(
      matching: DatasetQuery(sort: .lastJob, descending: true), scope: .everything, limit: 10)
    #expect(descending.map(\.dataset.name).first == "Alpha")
  }

  /// Pages read from the end (when the caller passes the total) are the same rows in the
  /// same order as pages read from the start, for every sort key and direction, ties included.
  @Test func pagesReadFromTheEndMatchPagesReadFromTheStart() throws {
    let fixture = try StoreFixture()
    defer { fixture.dir.remove() }
    for index in 0..<11 {
      // Repeated sample counts, sensitivities, visibilities: ties are broken by id both ways.
      try fixture.addDataset(
        "Set \(index)", sensitivity: index.isMultiple(of: 3) ? .public : .internal,
        excerpts: Array(repeating: "x", count: 1 + index % 3))
    }
    let total = 11
    for key in DatasetQuery.SortKey.allCases {
      for descending in [false, true] {
        let query = DatasetQuery(sort: key, descending: descending)
        let all = try fixture.catalog.datasets(matching: query, scope: .everything, limit: 100).map(\.dataset.id)
        #expect(all.count == total)
        for offset in 0..<total {
          let fromStart = try fixture.catalog.datasets(matching: query, scope: .everything, limit: 3, offset: offset)
          let fromEnd = try fixture.catalog.datasets(
            matching: query, scope: .everything, limit: 3, offset: offset, total: total)
          #expect(fromStart.map(\.dataset.id) == Array(all[offset..<min(total, offset + 3)]))
          #expect(fromEnd.map(\.dataset.id) == fromStart.map(\.dataset.id), "\(key) \(descending) at \(offset)")
        }
      }
    }
  }
}
