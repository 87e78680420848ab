import Foundation
import Testing

@testable import PortalCore

/// The pure builders of a bundle's documents.
struct ExportDocumentTests {
  private func facts(kind: BundleKind = .privateTerms, licence: String? = nil, scan: PIIScan? = nil) -> BundleFacts {
    let dataset = Dataset(
      id: 7, slug: "harbour", name: "Harbour \"records\"\n<b>", description: "Notes: [link](http://x)",
      licence: licence,
      languages: ["en", "fr-CH"], tags: ["news", "a: b"], ownerID: 1)
    let version = DatasetVersion(
      id: 3, datasetID: 7, number: 2, parentID: 2, origin: .rescan, state: .ready, sampleCount: 1_500)
    let first = DatasetVersion(
      id: 2, datasetID: 7, number: 1, origin: .import, state: .ready, parameters: "{\"roots\":[\"/secret/path\"]}")
    let grant = Grant(datasetID: 7, principalKind: .lab, principal: "lab:eval", permission: .evaluate, grantedBy: 1)
    return BundleFacts(
      dataset: dataset, version: version, lineage: [version, first], organisation: "Meridian Press", ownerName: "Amara",
      ownerLogin: "amara", piiScans: scan.map { [$0] } ?? [], grants: [grant], kind: kind, format: .jsonl,
      files: [
        BundleFile(
          path: "data/text/a.jsonl", encodingFormat: "application/jsonl", sha256: "ab", size: 3, role: .data,
          group: "text")
      ],
      exportedAt: Date(timeIntervalSince1970: 1_700_000_000), exportedBy: "amara", portalVersion: "0.1.0")
  }

  @Test func sizeCategoriesFollowTheHubBuckets() {
    #expect(SizeCategory.label(for: 0) == "n<1K")
    #expect(SizeCategory.label(for: 999) == "n<1K")
    #expect(SizeCategory.label(for: 1_000) == "1K<n<10K")
    #expect(SizeCategory.label(for: 250_000) == "100K<n<1M")
  }

  @Test func bundlePathsCannotLeaveTheBundleOrGlob() {
    #expect(BundlePath.relative("../../etc/passwd") == "etc/passwd")
    #expect(BundlePath.relative("/abs/./x") == "abs/x")
    #expect(BundlePath.relative("..") == "unnamed")
    #expect(BundlePath.component(".hidden*?[x]\u{1B}") == "hidden___x__")
    #expect(BundlePath.replacingExtension(of: "a/b.csv", with: "jsonl") == "a/b.jsonl")
  }

  @Test func checksumListIsWhatSha256sumReads() {
    #expect(ChecksumList.text([("b", "22"), ("a/x", "11")]) == "11  a/x\n22  b\n")
  }

  @Test func cardHeaderQuotesEveryValueAndCarriesTheLicence() {
    let header = DatasetCardBuilder.header(facts(licence: "CC-BY-4.0"))
    #expect(header.hasPrefix("---\nlicense: \"cc-by-4.0\"\n"))
    #expect(header.contains("pretty_name: \"Harbour \\\"records\\\"\\n<b>\""))
    #expect(header.contains("- \"a: b\""))
    #expect(header.contains("size_categories:\n- \"1K<n<10K\""))
    #expect(header.contains("language:\n- \"en\"\n- \"fr\"\n"))
    let privateHeader = DatasetCardBuilder.header(facts())
    #expect(
      privateHeader.contains(
        "license: \"other\"\nlicense_name: \"private-terms\"\nlicense_link: \"access-policy.json\""))
  }

  @Test func cardBodyKeepsDatasetTextInert() throws {
    let card = DatasetCardBuilder.card(facts())
    let body = try #require(card.components(separatedBy: "\n---\n").last)
    #expect(!body.contains("<b>") && body.contains("&lt;b&gt;"))
    #expect(!body.contains("[link](") && body.contains("\\[link\\]"))
  }

  @Test func croissantCarriesLicencePartnerFilesAndPIIResult() throws {
    let scan = PIIScan(datasetID: 7, versionID: 3, samplesScanned: 1_500, findings: 2, byType: ["email": 2])
    let document = CroissantBuilder.document(facts(kind: .public, licence: "CC-BY-4.0", scan: scan))
    let text = document.compactText
    #expect(text.contains("\"conformsTo\":\"http://mlcommons.org/croissant/1.1\""))
    #expect(text.contains("\"license\":\"https://spdx.org/licenses/CC-BY-4.0.html\""))
    #expect(text.contains("\"sha256\":\"ab\"") && text.contains("\"encodingFormat\":\"application/jsonlines\""))
    #expect(text.contains("Meridian Press") && text.contains("found 2 item(s) of personal information (2 email)"))
    #expect(!text.contains("/secret/path"))
  }

  @Test func accessPolicyListsGrantsOnlyInPrivateBundles() {
    #expect(AccessPolicyDocument(facts()).jsonText.contains("lab:eval"))
    #expect(!AccessPolicyDocument(facts(kind: .public, licence: "CC0-1.0")).jsonText.contains("lab:eval"))
  }

  @Test func columnSchemaTypesColumnsSoEveryValueFits() {
    var schema = ColumnSchema()
    schema.addCSV(["page": "3", "price": "1.5", "note": ""])
    schema.addCSV(["page": "", "price": "2", "note": "x"])
    schema.add(["flag": .bool(true), "nested": .object(["a": 1])])
    #expect(schema.type(of: "page") == .integer)
    #expect(schema.type(of: "price") == .float)
    #expect(schema.type(of: "note") == .text)
    #expect(schema.type(of: "flag") == .boolean)
    #expect(schema.flatValue(.object(["a": 1]), column: "nested") == .string("{\"a\":1}"))
    #expect(schema.flatValue(.int(2), column: "price") == .double(2))
  }
}
