import PortalMedia

/// Text from datasets made safe for a terminal: every control, escape sequence and
/// invisible formatting character becomes a visible escape. Front ends pass every
/// string that came from data through here before printing it.
public enum SafeText {
  /// One line: newlines and tabs become visible too.
  public static func line(_ text: String) -> String { TerminalSanitizer.line(text) }

  /// Several lines: newlines and tabs are kept.
  public static func multiline(_ text: String) -> String { TerminalSanitizer.multiline(text) }
}
