import PortalCore
import Testing

struct LanguageTagTests {
  @Test(arguments: ["en", "fr", "fr-CH", "zh-Hant-TW", "es-419", "de-DE-1996"])
  func wellFormedTagsAreAccepted(_ tag: String) {
    #expect(LanguageTag.isWellFormed(tag))
  }

  @Test(arguments: ["", "e", "english", "fr_CH", "fr-", "12", "en-US-x"])
  func malformedTagsAreRefused(_ tag: String) {
    #expect(!LanguageTag.isWellFormed(tag))
  }

  @Test func tagsAreCanonicallyCased() {
    #expect(LanguageTag.canonical("FR-ch") == "fr-CH")
    #expect(LanguageTag.canonical("zh-hant-tw") == "zh-Hant-TW")
  }
}
