import TerminalKit

/// What a screen draws with: the terminal, the theme, the key map and the formatter.
public struct RenderContext {
  /// Where to draw.
  public let terminal: any Terminal
  /// Styles by role (already adapted to the terminal's colour depth).
  public let theme: Theme
  /// For key labels in hints and help.
  public let keyMap: KeyMap
  /// Numbers, sizes and dates.
  public let format: TUIFormat

  /// Drawing characters.
  public var glyphs: Glyphs { terminal.glyphs }

  /// The style of a role over the theme background.
  public func style(_ role: ThemeRole) -> Style { theme.onBackground(role) }
}

/// A full screen of the TUI (Datasets, Dataset, and the Jobs screen to come).
///
/// The app owns a stack of screens and routes to the top one: keys the key map resolves
/// become ``perform(_:app:)`` calls; other events (mouse, text typed into a focused
/// field) go to ``handle(_:app:)``. Screens never block: they submit catalog work with
/// ``App/submit(key:longRunning:_:then:)`` and redraw when results arrive.
public protocol Screen: AnyObject {
  /// Which key-map scope applies.
  var kind: ScreenKind { get }
  /// The breadcrumb shown in the title bar.
  var title: String { get }
  /// `12/3,400`-style position for the title bar, if any.
  var position: String { get }
  /// Actions shown as hints in the status bar, most important first, with short labels.
  var hints: [(ActionID, String)] { get }
  /// True while a text field has focus: raw events go to ``handle(_:app:)`` first.
  var capturesText: Bool { get }

  /// Called when the screen becomes visible (start loading).
  func activate(app: App)
  /// Draws the body.
  func render(_ context: RenderContext, in rect: Rect)
  /// Runs an action; false if it does not apply here.
  func perform(_ action: ActionID, app: App) -> Bool
  /// Handles an event the key map did not claim; false if unused.
  func handle(_ event: InputEvent, app: App) -> Bool
  /// Handles Back before the app pops the screen (closing a search); true if consumed.
  func back(app: App) -> Bool
  /// The catalog changed: re-query what is visible, keeping the selection.
  func catalogDidChange(app: App)
}

/// A modal box over the screens (help, palette, dialogs). Gets every event while open.
public protocol Overlay: AnyObject {
  /// Handles an event; return false to close the overlay.
  func handle(_ event: InputEvent, app: App) -> Bool
  /// Draws over `rect` (the body area).
  func render(_ context: RenderContext, in rect: Rect)
  /// Whether a text field has focus (the cursor is shown).
  var capturesText: Bool { get }
}
