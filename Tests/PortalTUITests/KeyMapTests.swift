import TerminalKit
import Testing

@testable import PortalTUI

struct KeyMapTests {
  @Test func vimAndArrowKeysBothMoveTheCursor() {
    let map = KeyMap()
    for key in [Key.character("j"), .down] { #expect(map.action(for: key, on: .datasets) == .down) }
    for key in [Key.character("g"), .home] { #expect(map.action(for: key, on: .datasets) == .top) }
    for key in [Key.character("G"), .end] { #expect(map.action(for: key, on: .dataset) == .bottom) }
    #expect(map.action(for: .ctrl("d"), on: .datasets) == .halfPageDown)
    #expect(map.action(for: .pageDown, on: .datasets) == .pageDown)
    #expect(map.action(for: .character("Q"), on: .dataset) == .quit)
    #expect(map.action(for: .escape, on: .datasets) == .back)
  }

  @Test func theDefaultKeysHaveNoConflicts() {
    #expect(KeyMap().warnings.isEmpty)
  }

  @Test func everyActionHasADefaultKeyAndASummary() {
    for spec in ActionRegistry.standard.actions {
      #expect(!spec.defaultKeys.isEmpty, "\(spec.id) has no key")
      #expect(!spec.summary.isEmpty)
    }
  }

  @Test func aUserCanRebindAndUnbindActions() {
    let map = KeyMap(bindings: ["cursor.down": ["n"], "datasets.import": []])
    #expect(map.action(for: .character("n"), on: .datasets) == .down)
    #expect(map.action(for: .character("j"), on: .datasets) == nil)
    #expect(map.action(for: .character("i"), on: .datasets) == nil)
    #expect(map.label(of: .importData) == "—")
  }

  @Test func aConflictIsReportedAndTheUserBindingWins() {
    let map = KeyMap(bindings: ["datasets.open": ["j"]])
    #expect(map.action(for: .character("j"), on: .datasets) == .open)
    #expect(map.warnings.contains { $0.contains("'j'") && $0.contains("datasets.open") })
    // Outside the Datasets screen, j still moves down.
    #expect(map.action(for: .character("j"), on: .dataset) == .down)
  }

  @Test func unknownActionsAndKeyNamesAreWarningsNotFailures() {
    let map = KeyMap(bindings: ["no.such.action": ["x"], "cursor.up": ["ctrl-!", "k"]])
    #expect(map.warnings.count == 2)
    #expect(map.action(for: .character("k"), on: .datasets) == .up)
  }

  @Test func keyNamesRoundTrip() {
    for name in ["j", "G", "ctrl-d", "pgdn", "enter", "esc", "space", "f1", "shift-tab", "/"] {
      #expect(KeyChord(parsing: name)?.configName == name)
    }
    #expect(KeyChord(parsing: "nonsense") == nil)
  }

  @Test func paletteFuzzyMatchPrefersWordStarts() {
    let names = ["Sort by name · datasets.sort.name", "Search · datasets.search", "Next theme · app.theme.next"]
    let ranked = names.compactMap { name in FuzzyMatch.score("srch", name).map { (name, $0) } }.sorted { $0.1 > $1.1 }
    #expect(ranked.first?.0.hasPrefix("Search") == true)
    #expect(FuzzyMatch.score("xyz", names[0]) == nil)
  }
}
