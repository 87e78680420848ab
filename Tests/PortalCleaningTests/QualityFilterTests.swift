import PortalCleaning
import Testing

@Suite struct QualityFilterTests {
  /// Distinct made-up words of `length` letters, so no rule but the one under test fires.
  static func words(_ count: Int, length: Int = 5, offset: Int = 0) -> [String] {
    (0..<count).map { index in
      var value = index + offset
      var word = ""
      for _ in 0..<length {
        word.append(Character(Unicode.Scalar(UInt8(97 + value % 26))))
        value /= 26
      }
      return word
    }
  }

  /// A passing English text: distinct words with a stop word every few.
  static func prose(_ count: Int = 80, offset: Int = 0) -> String {
    words(count, offset: offset).enumerated().map { $0.offset % 6 == 0 ? "the \($0.element)" : $0.element }
      .joined(separator: " ") + "."
  }

  static let french = """
    Le conseil municipal a présenté mardi le projet de rénovation de la bibliothèque, fermée depuis deux ans. \
    Les travaux commenceront au printemps et dureront environ dix-huit mois. La nouvelle salle de lecture \
    accueillera une exposition permanente sur l'histoire du quartier, avec des cartes anciennes et des \
    photographies prêtées par les habitants. Le maire a rappelé que le financement est assuré en grande \
    partie par la région et que les associations seront consultées avant la fin de l'année.
    """

  func rule(_ text: String, language: String? = "en", step: QualityFilterStep = QualityFilterStep()) -> String? {
    step.rule(for: Document(id: 1, text: text, language: language))
  }

  @Test func passesOrdinaryProse() {
    #expect(rule(Self.prose()) == nil)
  }

  @Test func frenchDocumentPassesWithFrenchStopWordsButNotWithEnglishOnes() {
    #expect(rule(Self.french, language: "fr") == nil)
    #expect(rule(Self.french, language: "en") == "gopher_enough_stop_words")
  }

  @Test func undeclaredLanguageIsIdentifiedForStopWords() throws {
    let step = QualityFilterStep(languageIdentifier: try LanguageIdentifier())
    #expect(rule(Self.french, language: nil, step: step) == nil)
  }

  @Test func dropsShortTextsByCharactersAndByWords() {
    #expect(rule("Too short.") == "min_length")
    #expect(rule(Self.prose(30)) == "gopher_short_doc")
  }

  @Test func dropsLongDocumentsAboveTheConfiguredMaximum() {
    var quality = GopherQualityFilter()
    quality.maxWords = 60
    #expect(rule(Self.prose(), step: QualityFilterStep(quality: quality)) == "gopher_long_doc")
  }

  @Test func dropsTextsWithAbnormalMeanWordLength() {
    let short = Self.words(200, length: 2).enumerated().map { $0.offset % 5 == 0 ? "the" : $0.element }
    #expect(rule(short.joined(separator: " ")) == "gopher_below_avg_threshold")
    let long = Self.words(80, length: 14).enumerated().map { $0.offset % 5 == 0 ? "the" : $0.element }
    #expect(rule(long.joined(separator: " ")) == "gopher_above_avg_threshold")
  }

  @Test func dropsHashtagAndEllipsisHeavyTexts() {
    let hashes = Self.words(80).enumerated().map { $0.offset % 4 == 0 ? "#\($0.element) the" : $0.element }
    #expect(rule(hashes.joined(separator: " ")) == "gopher_too_many_hashes")
    let ellipses = Self.words(80).enumerated().map { $0.offset % 4 == 0 ? "\($0.element)… the" : $0.element }
    #expect(rule(ellipses.joined(separator: " ")) == "gopher_too_many_ellipsis")
  }

  @Test func dropsBulletListsAndEllipsisEndedLines() {
    let bullets = (0..<20).map { "- the " + Self.words(5, offset: $0 * 5).joined(separator: " ") }
    #expect(rule(bullets.joined(separator: "\n")) == "gopher_too_many_bullets")
    let trailing = (0..<20).map {
      "the " + Self.words(5, offset: $0 * 5).joined(separator: " ") + ($0 % 2 == 0 ? "..." : ".")
    }
    var quality = GopherQualityFilter()
    quality.maxSymbolWordRatio = 1  // isolate the line rule from the per-word ellipsis rule
    #expect(
      rule(trailing.joined(separator: "\n"), step: QualityFilterStep(quality: quality))
        == "gopher_too_many_end_ellipsis")
  }

  @Test func dropsTextsWithFewAlphabeticWords() {
    let numeric = Self.words(80).enumerated().map {
      $0.offset % 3 == 0 ? "the \($0.offset * 7919) \($0.offset * 104729)" : $0.element
    }
    #expect(rule(numeric.joined(separator: " ")) == "gopher_below_alpha_threshold")
  }

  @Test func dropsRepeatedLinesAndParagraphs() {
    let lines = (0..<20).map { $0 % 2 == 0 ? "the same line again and again" : Self.prose(8, offset: $0 * 10) }
    #expect(rule(lines.joined(separator: "\n")) == "dup_line_frac")
    let paragraphs = (0..<6).map { $0 % 2 == 0 ? Self.prose(20) : Self.prose(20, offset: 100 * $0) }
    #expect(rule(paragraphs.joined(separator: "\n\n")) == "dup_para_frac")
  }

  @Test func dropsTextsDominatedByOneBigram() {
    let text = Self.words(80).map { "foo bar \($0)" }.joined(separator: " ")
    #expect(rule(text) == "top_2_gram")
  }

  @Test func dropsTextsWithDuplicatedLongNGrams() {
    let half = Self.prose(60)
    #expect(rule(half + " " + half) == "duplicated_5_n_grams")
  }
}
