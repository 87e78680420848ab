import Foundation
import TerminalKit
import Testing

@testable import PortalTUI

struct ThemeTests {
  let library = ThemeLibrary(directories: [TUIHarness.themesDirectory])

  @Test func theShippedThemesAllLoadCleanly() {
    #expect(Set(library.names()).isSuperset(of: ["default", "light", "high-contrast", "solarized-dark", "monochrome"]))
    for name in library.names() {
      let (_, warnings) = library.load(name)
      #expect(warnings.isEmpty, "\(name): \(warnings)")
    }
  }

  @Test func theDefaultThemeFileMatchesTheBuiltInTheme() {
    #expect(library.load("default").theme == Theme.builtin)
  }

  @Test func paletteNamesAreSharedByRoles() {
    let text = """
      [palette]
      sea = "#268bd2"
      [roles]
      accent = { fg = "sea", attrs = ["bold"] }
      """
    let theme = ThemeParser.parse(text, name: "t", file: "t.toml").theme
    #expect(theme?[.accent] == Style(foreground: .rgb(0x26, 0x8b, 0xd2), attributes: .bold))
  }

  @Test func aSyntaxErrorIsReportedWithItsLineAndColumn() {
    let outcome = ThemeParser.parse("name = \"x\"\n[roles\ntext = 1\n", name: "x", file: "bad.toml")
    #expect(outcome.theme == nil)
    #expect(outcome.diagnostics.first?.line == 2)
    #expect(outcome.diagnostics.first?.description.hasPrefix("bad.toml:2:") == true)
  }

  @Test func unknownKeysAndBadColoursAreReportedOnTheirLines() {
    let text = """
      name = "x"
      colour = "red"
      [roles]
      text = { fg = "blurple" }
      shiny = { fg = "red" }
      """
    let outcome = ThemeParser.parse(text, name: "x", file: "x.toml")
    #expect(outcome.theme == nil)
    #expect(outcome.diagnostics.map(\.line) == [2, 5, 4])
  }

  @Test func aBadOrMissingThemeFallsBackToTheDefaultWithAWarning() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "[roles]\ntext = { fg = 999 }\n".write(
      to: directory.appendingPathComponent("broken.toml"), atomically: true, encoding: .utf8)
    let library = ThemeLibrary(directories: [directory])
    let broken = library.load("broken")
    #expect(broken.theme == Theme.builtin)
    #expect(broken.warnings.first?.contains("broken.toml:2") == true)
    let missing = library.load("nope")
    #expect(missing.theme == Theme.builtin)
    #expect(missing.warnings.first?.contains("no theme named 'nope'") == true)
  }

  @Test func aUserThemeShadowsTheShippedOne() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("user-themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "[roles]\naccent = { fg = \"red\" }\n".write(
      to: directory.appendingPathComponent("default.toml"), atomically: true, encoding: .utf8)
    let library = ThemeLibrary(directories: [directory, TUIHarness.themesDirectory])
    #expect(library.load("default").theme[.accent].foreground == .red)
  }

  @Test func monochromeKeepsTheCursorVisibleWithReverseVideo() {
    #expect(Theme.builtin.adapted(to: .mono)[.selection].attributes.contains(.reverse))
  }

  @Test func theConfigFileReadsThemeAndKeysAndReportsTheRest() {
    let config = UserConfig.parse(
      """
      theme = "light"
      wobble = 1
      [keys]
      "cursor.down" = ["n", "down"]
      "datasets.import" = "I"
      "cursor.up" = 3
      """, file: "config.toml")
    #expect(config.theme == "light")
    #expect(config.keyBindings["cursor.down"] == ["n", "down"])
    #expect(config.keyBindings["datasets.import"] == ["I"])
    #expect(config.warnings.count == 2)
    #expect(config.warnings.contains { $0.hasPrefix("config.toml:2") })
    #expect(config.warnings.contains { $0.hasPrefix("config.toml:6") })
    let broken = UserConfig.parse("theme = \n", file: "c.toml")
    #expect(broken.warnings.first?.hasPrefix("c.toml:1") == true)
  }
}
