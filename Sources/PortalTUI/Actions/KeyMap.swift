import TerminalKit

/// Which key runs which action on which screen: the registry's defaults with the user's
/// rebindings applied. Problems in the user's bindings become warnings, never failures.
public struct KeyMap: Sendable {
  /// The actions this map binds.
  public let registry: ActionRegistry
  /// Keys of each action, after rebinding (empty when unbound).
  public private(set) var keys: [ActionID: [KeyChord]]
  /// What went wrong while applying the user's bindings, one sentence each.
  public private(set) var warnings: [String] = []
  private var lookup: [ScreenKind: [Key: ActionID]] = [:]
  private var userBound: [ActionID: Set<KeyChord>] = [:]

  /// Builds the map: `bindings` maps action names to key names (an empty list unbinds).
  public init(registry: ActionRegistry = .standard, bindings: [String: [String]] = [:]) {
    self.registry = registry
    var keys: [ActionID: [KeyChord]] = [:]
    for spec in registry.actions { keys[spec.id] = spec.defaultKeys }
    var userBound: [ActionID: Set<KeyChord>] = [:]
    for name in bindings.keys.sorted() {
      let id = ActionID(name)
      guard registry[id] != nil else {
        warnings.append("config: unknown action '\(name)' (see `?` for the names)")
        continue
      }
      var chords: [KeyChord] = []
      for keyName in bindings[name] ?? [] {
        guard let chord = KeyChord(parsing: keyName) else {
          warnings.append("config: '\(keyName)' for \(name) is not a key name (examples: j, G, ctrl-d, pgdn, f1)")
          continue
        }
        chords.append(chord)
      }
      keys[id] = chords
      userBound[id] = Set(chords)
    }
    self.keys = keys
    self.userBound = userBound
    reportConflicts()
    rebuildLookup()
  }

  /// The action `key` runs on `screen`, if any.
  public func action(for key: Key, on screen: ScreenKind) -> ActionID? { lookup[screen]?[key] }

  /// The keys of an action as help shows them (`j/Down`), or "—" when unbound.
  public func label(of id: ActionID) -> String {
    let chords = keys[id] ?? []
    return chords.isEmpty ? "—" : chords.map(\.description).joined(separator: "/")
  }

  /// The first key of an action, for hints; nil when unbound.
  public func primaryKey(of id: ActionID) -> String? { keys[id]?.first?.description }

  // MARK: - Building

  /// Reports keys that two actions active on the same screen share. On those screens a
  /// user binding beats a default one; between two user (or two default) bindings the
  /// action listed first in the registry wins.
  private mutating func reportConflicts() {
    let specs = registry.actions
    for (i, first) in specs.enumerated() {
      for second in specs[(i + 1)...] where first.overlaps(second) {
        let shared = Set(keys[first.id] ?? []).intersection(keys[second.id] ?? [])
        for chord in shared.sorted(by: { $0.configName < $1.configName }) {
          let firstIsUser = userBound[first.id]?.contains(chord) ?? false
          let secondIsUser = userBound[second.id]?.contains(chord) ?? false
          let winner = !firstIsUser && secondIsUser ? second.id : first.id
          warnings.append(
            "config: key '\(chord.configName)' is bound to both \(first.id) and \(second.id); where both apply it runs \(winner)"
          )
        }
      }
    }
  }

  private mutating func rebuildLookup() {
    lookup = [:]
    for screen in ScreenKind.allCases {
      var map: [Key: ActionID] = [:]
      let active = registry.actions.filter { $0.applies(to: screen) }
      for userPass in [true, false] {
        for spec in active {
          for chord in keys[spec.id] ?? [] where map[chord.key] == nil {
            if (userBound[spec.id]?.contains(chord) ?? false) == userPass { map[chord.key] = spec.id }
          }
        }
      }
      lookup[screen] = map
    }
  }
}
