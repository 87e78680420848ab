extension ColorDepth {
  /// Chooses the depth for an ncurses screen.
  ///
  /// - An explicit `override` wins, but is capped at what the terminfo entry can draw: ncurses
  ///   cannot emit 24-bit colour through a 256-colour entry. (When truecolor is wanted,
  ///   ``NcursesTerminal`` first loads a direct-colour entry — see ``directColorTerminalTypes(for:environment:)``
  ///   — so the cap only bites where no such entry is installed.)
  /// - `NO_COLOR` with any non-empty value means mono.
  /// - A direct-colour terminfo entry (colours ≥ 2²⁴, e.g. `xterm-direct`) gives truecolor;
  ///   256 or more colours give 256; 8 or more give 16; fewer, mono.
  public static func detect(terminfoColors: Int, environment: [String: String], override: ColorDepth?) -> ColorDepth {
    let capability: ColorDepth
    switch terminfoColors {
    case (1 << 24)...: capability = .truecolor
    case 256...: capability = .ansi256
    case 8...: capability = .ansi16
    default: capability = .mono
    }
    if let override { return min(override, capability) }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .mono }
    return capability
  }

  /// Whether 24-bit colour is asked for: `--color truecolor`, or, with no override and no
  /// `NO_COLOR`, `COLORTERM=truecolor` or `24bit` (what terminals that can draw it export).
  public static func wantsTruecolor(environment: [String: String], override: ColorDepth?) -> Bool {
    if let override { return override == .truecolor }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    return ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
  }

  /// Direct-colour terminfo entries to try, best first, for a terminal of type `term`
  /// whose user wants truecolor: the same family's `-direct` entry (`xterm-256color` →
  /// `xterm-direct`, `tmux-256color` → `tmux-direct`), and `tmux-direct` for `screen*`
  /// inside tmux. Same family keeps the key sequences the terminal really sends. Empty
  /// when `term` already is a direct entry or has no known family.
  public static func directColorTerminalTypes(for term: String, environment: [String: String]) -> [String] {
    guard !term.isEmpty, !term.contains("direct") else { return [] }
    var family = term
    for suffix in ["-256color", "-88color", "-16color", "-color", "-truecolor"] where family.hasSuffix(suffix) {
      family.removeLast(suffix.count)
      break
    }
    var types = [family + "-direct"]
    if family.hasPrefix("screen"), environment["TMUX"] != nil { types.append("tmux-direct") }
    if family.hasPrefix("xterm"), family != "xterm" { types.append("xterm-direct") }
    return types
  }
}
