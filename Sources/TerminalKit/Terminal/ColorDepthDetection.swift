extension ColorDepth {
  /// Chooses the depth for an ncurses screen.
  ///
  /// - An explicit `override` wins, but is capped at what the terminfo entry can draw: ncurses
  ///   cannot emit 24-bit colour through a 256-colour entry.
  /// - `NO_COLOR` with any non-empty value means mono.
  /// - A direct-colour terminfo entry (colours ≥ 2²⁴, e.g. `xterm-direct`) gives truecolor;
  ///   `COLORTERM=truecolor` alone never does, because ncurses draws through terminfo and SSH
  ///   drops `COLORTERM` anyway. 256 or more colours give 256; 8 or more give 16; fewer, mono.
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
}
