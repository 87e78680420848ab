import TerminalKit

/// A named set of styles, one per ``ThemeRole``; loaded from `themes/*.toml`.
public struct Theme: Sendable, Equatable {
  /// The theme's name (the file name without `.toml`).
  public var name: String
  /// A style for every role.
  public var roles: [ThemeRole: Style]

  /// Creates a theme; roles left out take the built-in default's style.
  public init(name: String, roles: [ThemeRole: Style]) {
    self.name = name
    var all = roles
    for role in ThemeRole.allCases where all[role] == nil {
      all[role] = Self.builtinStyle(role)
    }
    self.roles = all
  }

  /// The style of `role`.
  public subscript(role: ThemeRole) -> Style { roles[role] ?? .plain }

  /// The style of `role` drawn over the theme's background colour (so light themes stay light).
  public func onBackground(_ role: ThemeRole) -> Style {
    var style = self[role]
    if style.background == .default { style.background = self[.background].background }
    return style
  }

  /// This theme as a terminal of `depth` should draw it: without colour, the cursor row,
  /// selected tab and bars fall back to reverse video so they stay visible.
  public func adapted(to depth: ColorDepth) -> Theme {
    guard depth == .mono else { return self }
    var copy = self
    for role in [ThemeRole.selection, .header] {
      var style = copy[role]
      if !style.attributes.contains(.reverse) && style.background != .default { style.attributes.insert(.reverse) }
      copy.roles[role] = style
    }
    return copy
  }

  /// The default theme, compiled in so the portal can always draw (its file is `themes/default.toml`).
  public static let builtin = Theme(name: "default", roles: [:])

  private static func builtinStyle(_ role: ThemeRole) -> Style {
    switch role {
    case .background: Style()
    case .text: Style()
    case .muted: Style(foreground: .indexed(245))
    case .accent: Style(foreground: .cyan, attributes: .bold)
    case .selection: Style(foreground: .black, background: .cyan)
    case .public: Style(foreground: .green)
    case .private: Style(foreground: .magenta)
    case .pending: Style(foreground: .yellow)
    case .warning: Style(foreground: .yellow, attributes: .bold)
    case .error: Style(foreground: .red, attributes: .bold)
    case .success: Style(foreground: .green, attributes: .bold)
    case .border: Style(foreground: .indexed(240))
    case .header: Style(foreground: .black, background: .blue, attributes: .bold)
    }
  }
}
