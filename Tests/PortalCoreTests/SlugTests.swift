import PortalCore
import Testing

struct SlugTests {
  @Test func namesBecomeLowercaseHyphenatedSlugs() {
    #expect(Slug.make(from: "Press archive 2019") == "press-archive-2019")
    #expect(Slug.make(from: "  Archives de presse — 2020 ") == "archives-de-presse-2020")
  }

  @Test func accentsAreFoldedAway() {
    #expect(Slug.make(from: "Société Générale") == "societe-generale")
    #expect(Slug.make(from: "Zürich Ölhafen") == "zurich-olhafen")
  }

  @Test func pathTricksCannotSurvive() {
    #expect(Slug.make(from: "../../etc/passwd") == "etc-passwd")
    #expect(Slug.make(from: "a/b\\c") == "a-b-c")
    #expect(Slug.make(from: "!!!") == nil)
    #expect(Slug.make(from: "日本語") == nil)
  }

  @Test func slugsAreBounded() {
    let slug = Slug.make(from: String(repeating: "abc ", count: 100))
    #expect((slug?.utf8.count ?? 0) <= 66)
    #expect(Slug.isValid("press-2019"))
    #expect(!Slug.isValid("Press 2019"))
  }
}
