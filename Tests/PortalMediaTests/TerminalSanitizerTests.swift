import Testing

@testable import PortalMedia

/// Reliability scenario 13: dataset text never reaches the terminal as control.
struct TerminalSanitizerTests {
  /// No C0 (but allowed newline/tab), DEL, C1, bidi or invisible formatting left.
  static func isClean(_ text: String, allowNewlines: Bool = false) -> Bool {
    !text.unicodeScalars.contains { scalar in
      let value = scalar.value
      if allowNewlines && (value == 0x0A || value == 0x09) { return false }
      return UnicodeClass.isControl(value) || UnicodeClass.isBidiControl(value) || UnicodeClass.isInvisibleFormat(value)
    }
  }

  private func escaped(_ result: SanitizedText) -> [String] { result.escapeRanges.map { String(result.text[$0]) } }

  @Test func plainTextIsReturnedUnchanged() {
    let text = "Bonjour, 世界! ünïcödé — “quotes” 🙂"
    let result = TerminalSanitizer.sanitize(text)
    #expect(result.text == text)
    #expect(!result.hadEscapes)
  }

  @Test func csiSequencesBecomeOneVisibleEscape() {
    let result = TerminalSanitizer.sanitize("a\u{1B}[1;31mred\u{1B}[0m\u{1B}[2J")
    #expect(result.text == "a␛[1;31mred␛[0m␛[2J")
    #expect(escaped(result) == ["␛[1;31m", "␛[0m", "␛[2J"])
  }

  @Test func oscSequencesIncludingClipboardAndHyperlinksAreShownNotSent() {
    let title = TerminalSanitizer.sanitize("\u{1B}]0;pwned\u{07}after")
    #expect(title.text == "␛]0;pwned␇after")
    #expect(escaped(title) == ["␛]0;pwned␇"])
    let clipboard = TerminalSanitizer.sanitize("\u{1B}]52;c;cm0gLXJmIH4=\u{1B}\\x")
    #expect(clipboard.text == "␛]52;c;cm0gLXJmIH4=␛\\x")
    #expect(escaped(clipboard) == ["␛]52;c;cm0gLXJmIH4=␛\\"])
    let link = TerminalSanitizer.sanitize("\u{1B}]8;;http://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\")
    #expect(link.text == "␛]8;;http://evil.example␛\\click␛]8;;␛\\")
    #expect(escaped(link).count == 2)
  }

  @Test func dcsApcPmAndSosStringsAreEscapedWhole() {
    for introducer in ["P", "_", "^", "X"] {
      let result = TerminalSanitizer.sanitize("\u{1B}\(introducer)payload\u{1B}\\end")
      #expect(result.text == "␛\(introducer)payload␛\\end")
      #expect(escaped(result) == ["␛\(introducer)payload␛\\"])
    }
  }

  @Test func c1ControlsAreShownAsCodePoints() {
    let result = TerminalSanitizer.sanitize("x\u{9B}31mred\u{85}y\u{9D}0;t\u{9C}")
    #expect(result.text == "x<U+009B>31mred<U+0085>y<U+009D>0;t<U+009C>")
    #expect(escaped(result) == ["<U+009B>31m", "<U+0085>", "<U+009D>0;t<U+009C>"])
  }

  @Test func otherC0ControlsAndDELBecomeControlPictures() {
    let result = TerminalSanitizer.sanitize("a\u{0}b\u{7}c\u{8}d\u{7F}e\r\nf\tg")
    #expect(result.text == "a␀b␇c␈d␡e␍␊f␉g")
  }

  @Test func bidiOverridesIsolatesAndInvisiblesAreNamed() {
    let result = TerminalSanitizer.sanitize("user\u{202E}gnp.exe\u{2066}x\u{2069}\u{200B}y\u{FEFF}\u{AD}z\u{2028}")
    #expect(result.text == "user<U+202E>gnp.exe<U+2066>x<U+2069><U+200B>y<U+FEFF><U+00AD>z<U+2028>")
    #expect(result.escapeRanges.count == 7)
  }

  @Test func theMultilineVariantKeepsNewlinesAndTabsAndFoldsCRLF() {
    let result = TerminalSanitizer.sanitize("一行目\r\n\t二行目\rx\u{1B}[K", keepNewlinesAndTabs: true)
    #expect(result.text == "一行目\n\t二行目␍x␛[K")
    #expect(escaped(result) == ["␍", "␛[K"])
  }

  @Test func escapeRangesSitOnTheRightCharactersAmidCJK() {
    let result = TerminalSanitizer.sanitize("漢字\u{1B}[31m카나\u{202E}ひら")
    #expect(result.text == "漢字␛[31m카나<U+202E>ひら")
    #expect(escaped(result) == ["␛[31m", "<U+202E>"])
  }

  @Test func invalidUTF8BytesBecomeReplacementCharacters() {
    // An encoded lone surrogate (ED A0 80), a stray continuation and a cut sequence.
    let result = TerminalSanitizer.sanitize(bytes: [0x61, 0xED, 0xA0, 0x80, 0x62, 0x80, 0xE2, 0x82])
    #expect(result.text.hasPrefix("a\u{FFFD}"))
    #expect(!result.text.unicodeScalars.contains { $0.value >= 0xD800 && $0.value <= 0xDFFF })
    #expect(result.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count >= 3)
  }

  @Test func anUnterminatedStringSequenceStillLeavesNoControls() {
    let text = "\u{1B}]" + String(repeating: "x\u{1B}", count: 2000)
    let result = TerminalSanitizer.sanitize(text)
    #expect(Self.isClean(result.text))
    #expect(!result.text.unicodeScalars.contains("\u{1B}"))
  }
}
