import Foundation
import PortalCleaning
import Testing

@Suite struct DedupTests {
  static let article = """
    The regional archive opened a new reading room this spring, with space for forty visitors and a \
    small exhibition of maps drawn by surveyors in the nineteenth century. Volunteers spent two years \
    cataloguing the collection, which includes parish registers, land deeds and letters sent home by \
    emigrants. The director said the aim was to make the documents easier to consult for families \
    researching their history and for students writing about the region.
    """

  @Test func exactDedupKeepsTheFirstAndReportsTheGroup() {
    var pipeline = Pipeline(steps: [ExactDedupStep()])
    let outputs = [
      Document(id: 1, text: "a"), Document(id: 2, text: "b"), Document(id: 3, text: "a"), Document(id: 4, text: "a"),
    ].map { pipeline.process($0)?.id }
    #expect(outputs == [1, 2, nil, nil])
    let report = pipeline.finish().report.steps[0]
    #expect(report.duplicateGroups == [StepReport.DuplicateGroup(kept: 1, removed: [3, 4])])
    #expect(report.dropsByRule == ["exact_duplicate": 2])
    #expect(report.findings["duplicate_groups"] == 1)
  }

  @Test func exactDedupCanIgnoreWhitespaceDifferences() {
    var step = ExactDedupStep(normalizesBeforeHashing: true)
    _ = step.process(Document(id: 1, text: "same text"))
    #expect(step.process(Document(id: 2, text: "same   text \r\n")).decision == .drop(rule: "exact_duplicate"))
  }

  @Test func exactDedupStateSurvivesACheckpoint() throws {
    var step = ExactDedupStep()
    _ = step.process(Document(id: 7, text: "seen before the crash"))
    let saved = try #require(try step.saveState())
    var resumed = ExactDedupStep()
    try resumed.restoreState(saved)
    let result = resumed.process(Document(id: 9, text: "seen before the crash"))
    #expect(result.decision == .drop(rule: "exact_duplicate"))
    #expect(result.duplicateOf == 7)
  }

  @Test func nearDuplicateWithAFewWordsChangedClusters() throws {
    // Three words changed in about 150: Jaccard ≈ 0.8, so P(some band matches) > 0.99.
    let original = Self.article + "\n\n" + Self.unrelated
    let edited = original.replacingOccurrences(of: "forty", with: "fifty")
      .replacingOccurrences(of: "spring", with: "summer").replacingOccurrences(of: "two years", with: "three years")
    let hasher = MinHasher()
    let similarity = MinHasher.similarity(
      try #require(hasher.signature(of: original)), try #require(hasher.signature(of: edited)))
    #expect(similarity > 0.7)
    var dedup = NearDedup()
    dedup.add(Document(id: 5, text: edited))
    dedup.add(Document(id: 2, text: original))
    dedup.add(Document(id: 9, text: Self.article))
    let (clusters, report) = dedup.finish()
    #expect(clusters == [StepReport.DuplicateGroup(kept: 2, removed: [5])])
    #expect(report.itemsIn == 3 && report.itemsOut == 2 && report.removed == 1)
  }

  @Test func nearDedupIgnoresCasePunctuationDiacriticsAndNumbers() throws {
    let hasher = MinHasher()
    let a = try #require(hasher.bandKeys(of: "Élise a payé 12,50 € le 3 mai; c'est très cher !"))
    let b = try #require(hasher.bandKeys(of: "elise a paye 99,50 € le 7 mai cest tres cher"))
    #expect(a == b)
  }

  @Test func unrelatedTextsDoNotCluster() {
    var index = NearDuplicateIndex()
    let hasher = MinHasher()
    for (id, text) in [(1, Self.article), (2, Self.unrelated)] {
      if let keys = hasher.bandKeys(of: text) { index.add(id: id, bandKeys: keys) }
    }
    #expect(index.clusters().isEmpty)
    #expect(index.idsToDrop().isEmpty)
  }

  @Test func nearDuplicateIndexRoundTripsThroughJSON() throws {
    var index = NearDuplicateIndex()
    index.add(id: 3, bandKeys: Array(repeating: 42, count: 14))
    let decoded = try JSONDecoder().decode(NearDuplicateIndex.self, from: JSONEncoder().encode(index))
    #expect(decoded == index)
  }

  static let unrelated = """
    Preheat the oven to two hundred degrees. Mix the flour, sugar and butter until the dough forms \
    coarse crumbs, then add the eggs one at a time and stir in the grated lemon zest. Bake for twenty \
    minutes, or until the top is golden, and let the cake cool on a rack before slicing it.
    """
}
