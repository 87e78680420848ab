import Foundation
import GRDB
import Portal
import PortalCore
import PortalStore

/// A real catalog with one small dataset and test-only job kinds enabled, for the job
/// queue's tests: queue jobs straight into the catalog, start real `portal worker`
/// processes against it, and poll its state.
public struct QueueFixture: Sendable {
  public let test: TestCatalog
  public let catalog: Catalog
  public let datasetID: Int64
  public let ownerID: Int64
  /// A directory for logs the test jobs write.
  public let scratch: TemporaryDirectory

  /// Creates the catalog, imports a three-document dataset and sets the `test_jobs` flag.
  public init(_ label: String = "queue", documents: [String] = ["one\r\n", "two  ", "three"]) throws {
    test = try TestCatalog(label)
    scratch = try TemporaryDirectory("\(label)-scratch")
    for (index, text) in documents.enumerated() { _ = try scratch.write(text, to: "docs/doc\(index).txt") }
    try test.owner.importDataset(ImportRequest(paths: [scratch.appending("docs").path], name: "Docs"))
    catalog = try test.catalog()
    try catalog.write { db in try Catalog.setMeta("test_jobs", "1", in: db) }
    guard let dataset = try catalog.dataset(named: "docs"), let id = dataset.id else {
      throw StoreError.notFound(what: "the fixture dataset")
    }
    datasetID = id
    ownerID = test.owner.actor.id
  }

  /// The catalog directory, for `PORTAL_HOME`.
  public var home: String { test.location.directory.path }

  /// Queues `count` jobs of `kind` straight into the catalog (test kinds have no command).
  @discardableResult
  public func enqueue(
    _ kind: Job.Kind, count: Int = 1, parameters: String = "{}", maxAttempts: Int = 3, priority: Int = 100
  ) throws -> [Job] {
    let version = try catalog.dataset(id: datasetID)?.currentVersionID
    let jobs = (0..<count).map { _ in
      Job(
        kind: kind, datasetID: datasetID, versionID: version, parameters: parameters, priority: priority,
        maxAttempts: maxAttempts, queuedBy: ownerID)
    }
    return try catalog.enqueue(jobs) { _ in
      AuditEvent(at: Date(), actor: "test", action: "job.queue", targetKind: "job", targetID: "")
    }
  }

  /// Starts `portal worker ARGS` allowed to run test kinds.
  public func startWorker(_ arguments: [String] = []) throws -> Shell.Running {
    try Shell.start(
      PortalBinary.path, ["worker"] + arguments,
      environment: PortalBinary.environment(home: home, extra: ["PORTAL_ENABLE_TEST_JOBS": "1"]))
  }

  /// Runs `portal ARGS` against the catalog.
  @discardableResult
  public func portal(_ arguments: [String]) throws -> Shell.Result {
    try PortalBinary.run(arguments, home: home, extraEnvironment: ["PORTAL_ENABLE_TEST_JOBS": "1"])
  }

  /// Every job, by id.
  public func jobs() throws -> [Job] {
    try catalog.read { try Job.order(Column("id")).fetchAll($0) }
  }

  /// One job.
  public func job(_ id: Int64?) throws -> Job? {
    try catalog.read { try Job.fetchOne($0, key: id ?? 0) }
  }

  /// Audit actions recorded about job `id`, oldest first.
  public func auditActions(job id: Int64?) throws -> [String] {
    try catalog.read { db in
      try String.fetchAll(
        db, sql: "SELECT action FROM audit_event WHERE target_kind = 'job' AND target_id = ? ORDER BY id",
        arguments: [String(id ?? 0)])
    }
  }

  /// Polls `condition` every 20 ms until it holds or `seconds` pass; returns whether it held.
  public static func waitUntil(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return try condition()
  }

  public func remove() {
    test.remove()
    scratch.remove()
  }
}
