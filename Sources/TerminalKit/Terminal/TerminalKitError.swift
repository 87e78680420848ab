/// Errors TerminalKit reports, worded so the person at the keyboard can act on them.
public enum TerminalKitError: Error, CustomStringConvertible, Sendable {
  /// Standard input or output is not a terminal (piped, redirected, or run from a job).
  case notATerminal
  /// ncurses could not start for the terminal type or any fallback.
  case cannotStart(terminalTypes: [String])
  /// Another ``NcursesTerminal`` is live in this process (restore it first).
  case alreadyActive

  /// A message for the user.
  public var description: String {
    switch self {
    case .notATerminal:
      return "standard input/output is not a terminal: run the portal in a terminal, or use a subcommand for scripts"
    case .alreadyActive:
      return "the terminal UI is already running in this process; restore it before starting another"
    case .cannotStart(let types):
      return "cannot start the terminal UI: no terminfo entry for \(types.joined(separator: ", ")) "
        + "(install ncurses-term or set TERM to a known type, e.g. TERM=xterm-256color)"
    }
  }
}
