/// The semantic roles a theme colours; screens ask for roles, never for colours.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
  /// The screen behind everything.
  case background
  /// Ordinary text.
  case text
  /// Secondary text: labels, hints, placeholders.
  case muted
  /// Things to notice: titles, keys in hints, the focused field.
  case accent
  /// The cursor row and the selected tab.
  case selection
  /// Public datasets.
  case `public`
  /// Private datasets.
  case `private`
  /// Datasets on their way to public, pending requests and jobs.
  case pending
  /// Warnings (expiring grants, fallbacks).
  case warning
  /// Errors and refusals.
  case error
  /// Success (finished imports, clean checks).
  case success
  /// Frames and separators.
  case border
  /// Title bar, table headers, status bar.
  case header
}
