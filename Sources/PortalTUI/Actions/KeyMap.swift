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
    resolveConflicts(userBound: userBound)
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

  /// Where two actions that can be active together share a key: a user binding takes the
  /// key from a default one (with a warning); between two user bindings the earlier
  /// action in the registry keeps it.
  private mutating func resolveConflicts(userBound: [ActionID: Set<KeyChord>]) {
    let specs = registry.actions
    for (i, first) in specs.enumerated() {
      for second in specs[(i + 1)...] where first.overlaps(second) {
        let shared = Set(keys[first.id] ?? []).intersection(keys[second.id] ?? [])
        for chord in shared.sorted(by: { $0.configName < $1.configName }) {
          let firstIsUser = userBound[first.id]?.contains(chord) ?? false
          let secondIsUser = userBound[second.id]?.contains(chord) ?? false
          let (winner, loser) = !firstIsUser && secondIsUser ? (second.id, first.id) : (first.id, second.id)
          keys[loser]?.removeAll { $0 == chord }
          warnings.append(
            "config: key '\(chord.configName)' is bound to both \(first.id) and \(second.id); it now runs \(winner)")
        }
      }
    }
  }

  private mutating func rebuildLookup() {
    lookup = [:]
    for screen in ScreenKind.allCases {
      var map: [Key: ActionID] = [:]
      for spec in registry.actions where spec.applies(to: screen) {
        for chord in keys[spec.id] ?? [] where map[chord.key] == nil { map[chord.key] = spec.id }
      }
      lookup[screen] = map
    }
  }
}
