import Foundation
import TerminalKit

/// How the TUI starts: from the command line's flags, the user's config and the environment.
public struct AppOptions: Sendable {
  /// Theme to start with (a `--theme` flag beats the config file).
  public var themeName: String?
  /// Key bindings from the config file.
  public var keyBindings: [String: [String]]
  /// Warnings gathered before curses started (config problems), shown as toasts.
  public var startupWarnings: [String]
  /// A sentence for the title bar when the terminal is not what was asked (unknown TERM).
  public var terminalNotice: String?
  /// How the catalog is named in the status bar.
  public var catalogLabel: String
  /// Numbers and dates.
  public var format: TUIFormat
  /// Where themes are found.
  public var themes: ThemeLibrary
  /// Poll the catalog for other processes' changes (off in snapshot tests).
  public var watchCatalog: Bool

  /// Creates options.
  public init(
    themeName: String? = nil, keyBindings: [String: [String]] = [:], startupWarnings: [String] = [],
    terminalNotice: String? = nil, catalogLabel: String, format: TUIFormat = TUIFormat(),
    themes: ThemeLibrary = .standard(), watchCatalog: Bool = true
  ) {
    self.themeName = themeName
    self.keyBindings = keyBindings
    self.startupWarnings = startupWarnings
    self.terminalNotice = terminalNotice
    self.catalogLabel = catalogLabel
    self.format = format
    self.themes = themes
    self.watchCatalog = watchCatalog
  }
}
