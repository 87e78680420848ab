import ArgumentParser
import Foundation
import Portal
import PortalTUI

/// `portal` with no subcommand (or `portal tui`): the terminal UI on the user's catalog.
struct TUICommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tui", abstract: "Open the terminal UI on your catalog (what `portal` alone does).")

  @OptionGroup var global: GlobalOptions
  @OptionGroup var flags: TUIFlags

  func run() throws {
    let location = global.location
    guard location.exists else {
      // Explain before curses starts, so the message stays on screen.
      throw ValidationError(
        """
        there is no catalog at \(location.directory.path).
        Create one with `portal init`, register data with `portal import PATH --name NAME`,
        try everything on sample data with `portal demo`, or point PORTAL_HOME at an existing catalog.
        """)
    }
    let session = try global.session()
    try TUILauncher.open(session: session, flags: flags, label: location.directory.lastPathComponent)
  }
}

/// Starts the TUI, turning "not a terminal" into advice instead of a crash.
enum TUILauncher {
  static func open(session: PortalSession, flags: TUIFlags, label: String) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw ValidationError(
        "the terminal UI needs a terminal on standard input and output; for scripts use `portal datasets list` (or `portal demo --print`)"
      )
    }
    try PortalTUI.run(session: session, launch: flags.launch, catalogLabel: label)
  }
}
