import PortalCore
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

  /// Help is generated from the registry: opened from any screen, it lists every action,
  /// and the section of that screen (shown first) holds every action that works there.
  @Test func helpListsEveryRegistryActionUnderEachScreenItAppliesTo() {
    let map = KeyMap()
    for screen in ScreenKind.allCases {
      let help = HelpOverlay(keyMap: map, screen: screen)
      #expect(help.lines.first?.heading == true && help.lines.first?.text == screen.title)
      var sections: [String: Set<String>] = [:]
      var current = ""
      for line in help.lines {
        if line.heading {
          current = line.text
        } else if let name = line.text.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first {
          sections[current, default: []].insert(String(name))
        }
      }
      for spec in map.registry.actions {
        let listedUnder = spec.screens.isEmpty ? ["Everywhere"] : spec.screens.map(\.title)
        for title in listedUnder {
          #expect(
            sections[title]?.contains(spec.id.rawValue) == true,
            "\(spec.id.rawValue) missing from help's \(title) section (opened on \(screen))")
        }
      }
    }
  }

  /// Every sort key (1–9) has its column, so the header shows the arrow of the sort in
  /// force; and at 120 columns every column fits, the detail pane going below the table.
  @Test func everySortKeyHasAColumnAndAllColumnsFitAt120() {
    for key in DatasetQuery.SortKey.allCases {
      #expect(DatasetColumn.all.contains { $0.sort == key }, "no column sorts by \(key)")
    }
    #expect(DatasetColumn.fitting(width: 118).count == DatasetColumn.all.count)
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
