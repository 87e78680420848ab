import Foundation
import Portal
import PortalCore
import PortalTesting

/// A demo-marked catalog (so tests can act as each user) with a steward, a reviewer
/// and a viewer, and helpers that take a dataset through the publication flow the
/// honest way: described, licensed, requested, scanned, signed off.
struct GovernanceFixture {
  let test: TestCatalog
  let data: TemporaryDirectory

  init(_ label: String) throws {
    test = try TestCatalog(label, demo: true)
    data = try test.dataDirectory()
    try test.owner.addUser(login: "stella", role: .steward)
    try test.owner.addUser(login: "rita", role: .reviewer)
    try test.owner.addUser(login: "vic", role: .viewer)
    try test.owner.addGroup(name: "lab:training", kind: .lab, members: ["vic"])
  }

  var owner: PortalSession { test.owner }

  func session(_ login: String) throws -> PortalSession { try test.session(as: login) }

  /// Imports a small dataset called `name` and returns its slug.
  @discardableResult
  func dataset(_ name: String, sensitivity: Sensitivity = .internal) throws -> String {
    let root = try SampleTree.write(into: data, at: Slug.make(from: name) ?? name)
    let report = try owner.importDataset(ImportRequest(paths: [root.path], name: name))
    if sensitivity != .internal { try owner.editDataset(report.datasetSlug, MetadataChange(sensitivity: sensitivity)) }
    return report.datasetSlug
  }

  /// Fills what the checklist needs from the metadata.
  func describe(_ slug: String) throws {
    try owner.editDataset(
      slug, MetadataChange(description: "Field notes and records", licence: "cc-by-4.0", languages: ["en", "fr"]))
  }

  /// Takes a dataset to public-pending with every checklist item but the confirmation met.
  func readyToPublish(_ slug: String) throws {
    try describe(slug)
    try session("stella").requestPublication(slug)
    try test.recordPIIScan(slug, findings: 0)
    try session("rita").signOff(slug, note: "looked through every sample")
  }

  /// Makes a dataset public through the checklist.
  func publish(_ slug: String) throws {
    try readyToPublish(slug)
    try owner.publish(slug, confirmedIrreversible: true)
  }

  func remove() {
    data.remove()
    test.remove()
  }
}
