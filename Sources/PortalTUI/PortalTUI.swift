import Foundation
import Portal
import TerminalKit

/// The terminal UI's entry point for the `portal` executable.
public enum PortalTUI {
  /// Flags of the TUI entry points (`--color`, `--ascii`, `--no-mouse`, `--theme`).
  public struct LaunchOptions: Sendable {
    /// A colour depth the user asked for.
    public var colorDepth: ColorDepth?
    /// ASCII drawing characters only.
    public var ascii: Bool
    /// Leave the mouse to the terminal.
    public var mouse: Bool
    /// Start with this theme.
    public var theme: String?
    /// Run queued jobs in this process (`--no-worker` turns it off).
    public var worker = true
    /// Open the guided tour (the demo).
    public var tour: TourLaunch?
    /// Record the session as an asciinema v2 cast at this path.
    public var recordPath: String?

    /// Creates the options.
    public init(colorDepth: ColorDepth? = nil, ascii: Bool = false, mouse: Bool = true, theme: String? = nil) {
      self.colorDepth = colorDepth
      self.ascii = ascii
      self.mouse = mouse
      self.theme = theme
    }
  }

  /// Opens curses on the process's terminal and runs the TUI on `session` until the user
  /// quits; the terminal is restored on every exit path.
  public static func run(session: PortalSession, launch: LaunchOptions, catalogLabel: String) throws {
    let config = UserConfig.load()
    let recorder = try launch.recordPath.map { path throws(TerminalRecorder.Failure) in
      try TerminalRecorder(castPath: path)
    }
    // Declared before the terminal's, so it runs after: the terminal's reset goes into the cast.
    defer { recorder?.finish() }
    let terminal = try NcursesTerminal(
      options: .init(
        mouse: launch.mouse, colorDepth: launch.colorDepth, ascii: launch.ascii,
        inputDescriptor: recorder?.terminalDescriptor ?? STDIN_FILENO,
        outputDescriptor: recorder?.terminalDescriptor ?? STDOUT_FILENO))
    defer { terminal.restore() }
    let options = AppOptions(
      themeName: launch.theme ?? config.theme, keyBindings: config.keyBindings, startupWarnings: config.warnings,
      terminalNotice: terminal.fallbackNotice, catalogLabel: catalogLabel)
    let app = App(session: session, terminal: terminal, options: options)
    if launch.worker { app.startEmbeddedWorker() }
    // Hands a running job back to the queue (checkpoint kept) before curses goes.
    defer { app.stopEmbeddedWorker() }
    if let tour = launch.tour {
      app.startTour(
        Tour(
          steps: TourScript.standard(role: session.actor.role), mode: tour.autoplay ? .autoplay : .manual,
          dwell: tour.stepSeconds))
    }
    app.run()
    // Thrown after the defers have restored the terminal, so the reason stays readable.
    if let reason = app.endedBecause { throw reason }
  }
}
