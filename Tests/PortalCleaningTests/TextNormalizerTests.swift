import PortalCleaning
import Testing

@Suite struct TextNormalizerTests {
  let normalizer = TextNormalizer()

  @Test func repairsUTF8ReadAsWindows1252() {
    #expect(normalizer.normalize("CafÃ© crÃ¨me") == "Café crème")
    #expect(normalizer.normalize("it doesnâ€™t matter") == "it doesn’t matter")
    #expect(normalizer.normalize("â€œquotedâ€\u{9D}") == "“quoted”")
  }

  @Test func repairsDoubleEncodedMojibake() {
    #expect(normalizer.normalize("CafÃƒÂ©") == "Café")
  }

  @Test(arguments: [
    "Café crème et naïveté", "Straße, Fuß“ und Öl", "“quoted” — fine…", "São Paulo, ação", "ÉTÉ À PARIS",
    "Ελληνικά και русский", "emoji 🎉 ok", "prix: 5 €",
  ])
  func leavesCorrectTextUntouched(_ text: String) {
    #expect(normalizer.normalize(text) == text)
  }

  @Test func composesToNFC() {
    let decomposed = "Cafe\u{301}"
    let result = normalizer.normalize(decomposed)
    #expect(result == "Café")
    #expect(result.unicodeScalars.count == 4)
  }

  @Test func removesControlCharactersButKeepsNewlinesAndTabs() {
    #expect(normalizer.normalize("a\u{0}b\u{7}c\td\u{1B}[0m\ne\u{85}f") == "abc\td[0m\nef")
  }

  @Test func normalisesLineEndingsSpacesAndBlankLines() {
    #expect(normalizer.normalize("one  two \r\nthree\rfour\n\n\n\nfive   \n") == "one two\nthree\nfour\n\nfive")
    #expect(normalizer.normalize("  indented line\nx\u{A0}\u{A0}y") == "  indented line\nx y")
    #expect(normalizer.normalize("\n\nbody\n\n") == "body")
  }

  @Test func returnsTidyASCIIUnchanged() {
    let text = "Already tidy.\n\nTwo paragraphs."
    #expect(normalizer.normalize(text) == text)
  }

  @Test func normalizeStepDropsDocumentsLeftEmpty() {
    var step = NormalizeStep()
    #expect(step.process(Document(id: 1, text: " \u{0} \n ")).decision == .drop(rule: "empty_after_normalize"))
    let changed = step.process(Document(id: 2, text: "a  b"))
    #expect(changed.changed && changed.document.text == "a b")
  }
}
