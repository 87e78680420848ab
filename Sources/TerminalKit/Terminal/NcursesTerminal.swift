import CNcurses

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The real terminal, through ncursesw.
///
/// Owned by one thread, the UI loop: ncurses is not thread-safe, so this class is not `Sendable`
/// and must be created, drawn to, read from and restored on that thread. Only one may be live per
/// process. It draws into `stdscr` and flushes with `wnoutrefresh` + one `doupdate` per
/// ``present()``, so ncurses sends only the cells that changed — what keeps SSH links usable.
/// Call ``restore()`` before exiting (it also runs on deinit and on SIGINT/SIGTERM/SIGHUP/SIGQUIT).
public final class NcursesTerminal: Terminal {
  /// How to start the terminal.
  public struct Options: Sendable {
    /// Report mouse clicks and the wheel (takes over the terminal's own text selection).
    public var mouse: Bool
    /// A colour depth chosen by the user (e.g. a `--color` flag); capped at what terminfo allows.
    public var colorDepth: ColorDepth?
    /// Draw with ASCII only (`--ascii`), for the Linux console and old terminals.
    public var ascii: Bool
    /// Deliver Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-S and Ctrl-Q as keys (raw mode) instead of letting the
    /// tty turn them into signals and flow control.
    public var captureControlKeys: Bool
    /// Input file descriptor (a tty).
    public var inputDescriptor: Int32
    /// Output file descriptor (a tty).
    public var outputDescriptor: Int32

    /// Options with mouse on, automatic colour, Unicode glyphs, on standard input and output.
    public init(
      mouse: Bool = true, colorDepth: ColorDepth? = nil, ascii: Bool = false, captureControlKeys: Bool = false,
      inputDescriptor: Int32 = STDIN_FILENO, outputDescriptor: Int32 = STDOUT_FILENO
    ) {
      self.mouse = mouse
      self.colorDepth = colorDepth
      self.ascii = ascii
      self.captureControlKeys = captureControlKeys
      self.inputDescriptor = inputDescriptor
      self.outputDescriptor = outputDescriptor
    }
  }

  /// Fallbacks tried in order when the user's `TERM` has no terminfo entry here.
  public static let fallbackTerminalTypes = ["xterm-256color", "vt100"]

  /// Set when the terminal could not be used as asked (unknown `TERM`, non-UTF-8 locale): a
  /// sentence for the status line.
  public let fallbackNotice: String?
  /// The terminfo entry in use.
  public let terminalType: String
  /// Depth that styles are stepped down to.
  public let colorDepth: ColorDepth
  /// Drawing characters for widgets.
  public let glyphs: Glyphs

  /// The ncurses SCREEN; nil once restored.
  private var screen: OpaquePointer?
  /// Whether curses is running (false after ``restore()``).
  public var isActive: Bool { screen != nil }
  private let inputFile: UnsafeMutablePointer<FILE>
  private let outputFile: UnsafeMutablePointer<FILE>
  private var previousSignalHandlers: [Int32: sighandler_t?] = [:]
  private let terminfoColors: Int
  private var cursorVisible = false
  private var cursor: Point?

  /// Starts curses on the terminal; throws if the descriptors are not a tty or no terminfo entry
  /// (the user's `TERM`, then ``fallbackTerminalTypes``) can be loaded.
  public init(options: Options = Options()) throws(TerminalKitError) {
    guard isatty(options.inputDescriptor) == 1, isatty(options.outputDescriptor) == 1 else {
      throw .notATerminal
    }
    // ncurses has one current screen; a second live terminal would silently steal stdscr.
    guard !TerminalSignals.isScreenActive else { throw .alreadyActive }
    var notices: [String] = []
    let utf8: Bool
    if shim_user_locale_is_utf8() != 0 {
      setlocale(LC_ALL, "")
      utf8 = true
    } else {
      // Over SSH LANG is often unset (the "C" locale); modern terminals are UTF-8 regardless, and
      // without it wcwidth and ncurses would mangle every non-ASCII name in the catalog.
      utf8 = setlocale(LC_CTYPE, "C.UTF-8") != nil
      notices.append(
        utf8
          ? "locale is not UTF-8; assuming a UTF-8 terminal (set LANG=C.UTF-8 to silence)"
          : "no UTF-8 locale available; drawing ASCII only")
    }
    // dup so that closing our FILEs on restore leaves the process's stdin/stdout open.
    guard let input = fdopen(dup(options.inputDescriptor), "r"),
      let output = fdopen(dup(options.outputDescriptor), "w")
    else { throw .notATerminal }
    inputFile = input
    outputFile = output

    let requested = getenv("TERM").map { String(cString: $0) } ?? ""
    let environment = Self.colorEnvironment()
    // ncurses draws 24-bit colour only through a direct-colour entry: when the user asks for
    // truecolor (COLORTERM or --color), try the terminal family's `-direct` entry first.
    let direct =
      ColorDepth.wantsTruecolor(environment: environment, override: options.colorDepth)
      ? ColorDepth.directColorTerminalTypes(for: requested, environment: environment) : []
    var candidates = direct
    if !requested.isEmpty { candidates.append(requested) }
    candidates += Self.fallbackTerminalTypes.filter { $0 != requested }
    // Our handlers go in first so ncurses does not install its own that exit() without restoring.
    previousSignalHandlers = TerminalSignals.install()
    var started: (OpaquePointer, String)?
    for candidate in candidates {
      if let screen = newterm(candidate, output, input) {
        started = (screen, candidate)
        break
      }
    }
    guard let (screen, type) = started else {
      TerminalSignals.uninstall(previousSignalHandlers)
      fclose(input)
      fclose(output)
      throw .cannotStart(terminalTypes: candidates)
    }
    self.screen = screen
    terminalType = type
    if type != requested && !direct.contains(type) {
      notices.append("TERM '\(requested)' is unknown here; drawing as \(type)")
    }

    if options.captureControlKeys { raw() } else { cbreak() }
    noecho()
    keypad(shim_stdscr(), true)
    shim_set_escdelay(25)
    if has_colors() {
      start_color()
      use_default_colors()
    }
    terminfoColors = has_colors() ? Int(shim_colors()) : 0
    colorDepth = ColorDepth.detect(
      terminfoColors: terminfoColors, environment: environment, override: options.colorDepth)
    if !direct.isEmpty && colorDepth != .truecolor {
      notices.append("no direct-colour terminfo entry for '\(requested)' (install ncurses-term); colours stepped down")
    }
    fallbackNotice = notices.isEmpty ? nil : notices.joined(separator: "; ")
    glyphs = options.ascii || !utf8 ? .ascii : .unicode
    if options.mouse {
      let mask =
        shim_button1_pressed() | shim_button2_pressed() | shim_button3_pressed() | shim_button4_pressed()
        | shim_button5_pressed()
      mousemask(mmask_t(mask), nil)
      // No click-detection delay: presses are reported at once.
      mouseinterval(0)
    }
    curs_set(0)
  }

  deinit { restore() }

  /// Ends curses and gives the terminal back in its original mode; safe to call more than once.
  public func restore() {
    guard let screen else { return }
    if TerminalSignals.claimShutdown() { endwin() }
    TerminalSignals.uninstall(previousSignalHandlers)
    delscreen(screen)
    self.screen = nil
    fclose(inputFile)
    fclose(outputFile)
  }

  // MARK: - Terminal

  /// Current size, as ncurses last measured it (updated on resize events).
  public var size: Size {
    guard screen != nil else { return Size(width: 0, height: 0) }
    return Size(width: Int(shim_getmaxx(shim_stdscr())), height: Int(shim_getmaxy(shim_stdscr())))
  }

  /// Writes text cell by cell into the back buffer (`stdscr`).
  public func put(text: String, at point: Point, style: Style) {
    guard screen != nil, point.y >= 0, point.y < size.height else { return }
    let width = size.width
    let (attributes, pair) = ncursesStyle(style)
    var x = point.x
    for (grapheme, graphemeWidth) in DisplayWidth.cells(text) {
      if x >= width { break }
      if x >= 0 {
        // A wide grapheme at the last column would wrap: draw a space as VirtualTerminal does.
        let shown = graphemeWidth == 2 && x + 1 >= width ? " " : grapheme
        draw(shown, x: x, y: point.y, attributes: attributes, pair: pair)
      }
      x += graphemeWidth
    }
  }

  /// Writes one cell.
  public func put(cell: Cell, at point: Point) { put(text: cell.grapheme, at: point, style: cell.style) }

  /// Fills a rectangle with one grapheme.
  public func fill(_ rect: Rect, with grapheme: String, style: Style) {
    let width = max(1, DisplayWidth.of(grapheme))
    let line = String(repeating: grapheme, count: max(0, rect.width / width))
    for y in rect.y..<rect.maxY { put(text: line, at: Point(x: rect.x, y: y), style: style) }
  }

  /// Blanks the back buffer (without forcing a full repaint, unlike `wclear`).
  public func clear() {
    guard screen != nil else { return }
    werase(shim_stdscr())
  }

  /// One batched flush: ncurses compares with what the screen shows and sends the difference.
  public func present() {
    guard screen != nil else { return }
    let visible = cursor != nil
    if visible != cursorVisible {
      curs_set(visible ? 1 : 0)
      cursorVisible = visible
    }
    if let cursor { wmove(shim_stdscr(), Int32(cursor.y), Int32(cursor.x)) }
    wnoutrefresh(shim_stdscr())
    doupdate()
  }

  /// Shows the cursor at `point` from the next present.
  public func showCursor(at point: Point) { cursor = point }

  /// Hides the cursor from the next present.
  public func hideCursor() { cursor = nil }

  // MARK: - Drawing helpers

  private func draw(_ grapheme: String, x: Int, y: Int, attributes: attr_t, pair: Int32) {
    // setcchar takes one spacing character and up to CCHARW_MAX-1 combining ones; a cluster's
    // other wide scalars (ZWJ emoji sequences) cannot be expressed, so only its head is drawn.
    var characters: [wchar_t] = []
    for scalar in grapheme.unicodeScalars {
      if characters.isEmpty {
        characters.append(wchar_t(bitPattern: scalar.value))
      } else if DisplayWidth.of(scalar) == 0 && characters.count < 4 {
        characters.append(wchar_t(bitPattern: scalar.value))
      }
    }
    characters.append(0)
    var cell = cchar_t()
    var extendedPair = pair
    // The last argument carries the full pair number (pairs above 32767 do not fit the short).
    setcchar(&cell, characters, attributes, 0, &extendedPair)
    wmove(shim_stdscr(), Int32(y), Int32(x))
    wadd_wch(shim_stdscr(), &cell)
  }

  private func ncursesStyle(_ style: Style) -> (attr_t, Int32) {
    var attributes = shim_a_normal()
    if style.attributes.contains(.bold) { attributes |= shim_a_bold() }
    if style.attributes.contains(.dim) { attributes |= shim_a_dim() }
    if style.attributes.contains(.underline) { attributes |= shim_a_underline() }
    if style.attributes.contains(.reverse) { attributes |= shim_a_reverse() }
    if style.attributes.contains(.italic) { attributes |= shim_a_italic() }
    guard colorDepth != .mono else { return (attributes, 0) }
    let shown = style.downsampled(to: colorDepth)
    let foreground = colorNumber(shown.foreground)
    let background = colorNumber(shown.background)
    if foreground == -1 && background == -1 { return (attributes, 0) }
    // alloc_pair keeps an LRU cache of pairs, so images and gradients need no fixed table.
    let pair = alloc_pair(foreground, background)
    return (attributes, max(0, pair))
  }

  /// The ncurses colour number for a colour already stepped down to `colorDepth`.
  private func colorNumber(_ color: Color) -> Int32 {
    if colorDepth == .truecolor, let rgb = ColorDownsampling.rgb(of: color) {
      // Direct-colour entries only understand packed RGB (and 0–7 as the user's ANSI colours).
      if case .ansi(let index) = color, index < 8 { return Int32(index) }
      return max(8, Int32(rgb.r) << 16 | Int32(rgb.g) << 8 | Int32(rgb.b))
    }
    switch color {
    case .default:
      return -1
    case .ansi(let index):
      // 8-colour entries (plain xterm) have no bright half; drop to the normal shade.
      return Int32(terminfoColors >= 16 ? index : index & 7)
    case .indexed(let index):
      return Int32(index)
    case .rgb(let r, let g, let b):
      // Direct-colour entries treat values below 8 as ANSI colours; nudge near-black past them.
      return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
    }
  }

  // MARK: - Environment

  private static func colorEnvironment() -> [String: String] {
    var environment: [String: String] = [:]
    for name in ["NO_COLOR", "COLORTERM", "TMUX"] {
      if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return environment
  }
}
