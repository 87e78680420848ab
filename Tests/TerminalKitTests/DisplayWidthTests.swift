import Testing

@testable import TerminalKit

@Suite struct DisplayWidthTests {
  @Test func cjkAndEmojiAreTwoColumnsWide() {
    #expect(DisplayWidth.of("日本") == 4)
    #expect(DisplayWidth.of("😀") == 2)
    #expect(DisplayWidth.of("a日b") == 4)
  }

  @Test func combiningMarkAddsNoWidth() {
    let decomposed = "e\u{0301}"
    #expect(decomposed.unicodeScalars.count == 2)
    #expect(DisplayWidth.of(decomposed) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
  }

  @Test func controlCharactersCountAsTheirReplacement() {
    #expect(DisplayWidth.of("a\u{1B}[31mb") == 7)
    #expect(DisplayWidth.cells("\u{1B}x").map(\.grapheme) == ["?", "x"])
  }

  @Test func clipNeverSplitsAWideCharacterAtTheEdge() {
    #expect(DisplayWidth.clip("ab日本", to: 3) == "ab")
    #expect(DisplayWidth.clip("ab日本", to: 4) == "ab日")
    #expect(DisplayWidth.clip("日本", to: 1) == "")
  }

  @Test func clipKeepsCombiningMarksWithTheirBase() {
    #expect(DisplayWidth.clip("e\u{0301}e\u{0301}x", to: 2) == "e\u{0301}e\u{0301}")
  }

  @Test func truncateAddsEllipsisWithinTheWidth() {
    #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
    #expect(DisplayWidth.truncate("abcd", to: 4) == "abcd")
    // 日 is 2 wide: "a日" + "…" = 4 columns; "a日本…" would be 6.
    #expect(DisplayWidth.truncate("a日本語", to: 4) == "a日…")
    // The wide character cannot be split, so the line is one column short.
    #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("日本語", to: 4)) == 3)
  }

  @Test func sliceShowsAWindowAndBlanksWideCharactersCutByItsEdges() {
    // Columns: a=0, 日=1–2, b=3, 本=4–5, c=6.
    #expect(DisplayWidth.slice("a日b本c", from: 2, width: 3) == " b ")
    #expect(DisplayWidth.slice("a日b本c", from: 1, width: 5) == "日b本")
    #expect(DisplayWidth.slice("abc", from: 5, width: 3) == "")
  }

  @Test func fitPadsToExactWidthWithAlignment() {
    #expect(DisplayWidth.fit("日本", to: 6, alignment: .trailing) == "  日本")
    #expect(DisplayWidth.fit("ab", to: 5, alignment: .center) == " ab  ")
    #expect(DisplayWidth.of(DisplayWidth.fit("日本語テキスト", to: 7)) == 7)
  }

  @Test func wrapBreaksAtSpacesAndByWidth() {
    #expect(DisplayWidth.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
    #expect(DisplayWidth.wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
    #expect(DisplayWidth.wrap("a\n\nb", width: 4) == ["a", "", "b"])
  }
}
