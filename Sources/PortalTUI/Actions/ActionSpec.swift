/// One action: its name, title, what it does, its default keys and where it applies.
/// Help, the `:` palette and the key map are all generated from these.
public struct ActionSpec: Sendable, Hashable {
  /// The dotted name config files bind (`cursor.down`).
  public var id: ActionID
  /// A short title for hints and the palette (`Down`).
  public var title: String
  /// One sentence for help.
  public var summary: String
  /// Keys bound when the user's config says nothing.
  public var defaultKeys: [KeyChord]
  /// Screens where it applies; empty means everywhere.
  public var screens: Set<ScreenKind>

  /// Creates a spec; `keys` are parsed with ``KeyChord/init(parsing:)`` (bad names are a
  /// programming error caught by the registry test).
  public init(_ id: ActionID, _ title: String, _ summary: String, keys: [String], screens: Set<ScreenKind> = []) {
    self.id = id
    self.title = title
    self.summary = summary
    self.defaultKeys = keys.compactMap(KeyChord.init(parsing:))
    self.screens = screens
  }

  /// Whether it applies on `screen`.
  public func applies(to screen: ScreenKind) -> Bool { screens.isEmpty || screens.contains(screen) }

  /// Whether two actions can be active on the same screen (and so must not share a key).
  public func overlaps(_ other: ActionSpec) -> Bool {
    screens.isEmpty || other.screens.isEmpty || !screens.isDisjoint(with: other.screens)
  }
}
