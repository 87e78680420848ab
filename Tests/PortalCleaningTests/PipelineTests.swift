import Foundation
import PortalCleaning
import Testing

@Suite struct PipelineTests {
  static func corpus() -> [Document] {
    var documents: [Document] = []
    for index in 0..<40 {
      var text = QualityFilterTests.prose(80, offset: index * 1000)
      if index % 5 == 0 { text += " Write to jean.dupont@exemple.fr or call +33 6 12 34 56 78." }
      if index % 7 == 0 { text = "short" }  // six copies: five exact duplicates, and too short
      documents.append(Document(id: index, text: text, language: "en"))
    }
    documents.append(Document(id: 40, text: documents[1].text, language: "en"))  // exact duplicate
    documents.append(
      Document(id: 41, text: documents[2].text.replacingOccurrences(of: "the", with: "The"), language: "en"))
    return documents
  }

  @Test func reportCountsAddUp() throws {
    var pipeline = try Pipeline(kinds: StepKind.parse("normalize,pii,dedup,near-dedup,quality"))
    let survivors = Self.corpus().compactMap { pipeline.process($0) }
    let outcome = pipeline.finish()
    let report = outcome.report
    #expect(report.documentsIn == 42)
    #expect(report.documentsOut == survivors.count - outcome.idsToDrop.count)
    #expect(report.documentsIn == report.documentsOut + report.steps.reduce(0) { $0 + $1.removed })
    for step in report.steps { #expect(step.itemsIn == step.itemsOut + step.removed, "\(step.step)") }
    #expect(report.steps.map(\.step) == ["normalize", "pii", "dedup", "quality", "near-dedup"])
    let pii = try #require(report.steps.first { $0.step == "pii" })
    #expect(pii.findings == ["EMAIL": 6, "PHONE": 6])  // ids 5, 10 … 30 (0 and 35 became "short")
    #expect(pii.examples.allSatisfy { !$0.snippet.contains("@exemple") })
    #expect(outcome.idsToDrop == [41])
    #expect(report.steps.first { $0.step == "dedup" }?.removed == 6)
    #expect(report.steps.first { $0.step == "quality" }?.dropsByRule == ["min_length": 1])
  }

  @Test func resumingFromACheckpointGivesTheSameReport() throws {
    let kinds = try StepKind.parse("normalize,dedup,near-dedup,quality")
    let documents = Self.corpus()
    var straight = try Pipeline(kinds: kinds)
    for document in documents { _ = straight.process(document) }

    var first = try Pipeline(kinds: kinds)
    for document in documents.prefix(20) { _ = first.process(document) }
    let saved = try JSONEncoder().encode(try first.checkpoint())
    var resumed = try Pipeline(kinds: kinds)
    try resumed.restore(from: JSONDecoder().decode(PipelineCheckpoint.self, from: saved))
    for document in documents.dropFirst(resumed.documentsProcessed) { _ = resumed.process(document) }

    #expect(resumed.finish().report == straight.finish().report)
    #expect(resumed.finish().idsToDrop == straight.finish().idsToDrop)
  }

  @Test func rejectsUnknownStepNames() {
    #expect(throws: CleaningError.self) { try StepKind.parse("normalize,sparkle") }
  }
}
