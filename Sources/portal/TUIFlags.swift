import ArgumentParser
import PortalTUI
import TerminalKit

/// Flags of the commands that open the terminal UI.
struct TUIFlags: ParsableArguments {
  /// Colour depths `--color` accepts.
  enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case never, _16 = "16", _256 = "256", truecolor

    var depth: ColorDepth {
      switch self {
      case .never: .mono
      case ._16: .ansi16
      case ._256: .ansi256
      case .truecolor: .truecolor
      }
    }
  }

  @Option(
    help:
      "Colours: never, 16, 256 or truecolor (default: what the terminal supports, 24-bit when COLORTERM=truecolor; NO_COLOR means never)."
  )
  var color: ColorChoice?

  @Flag(help: "Draw with ASCII only (no box-drawing or block characters), for the Linux console and old terminals.")
  var ascii = false

  @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (keeps its text selection).")
  var noMouse = false

  @Option(help: "Theme to start with (see `portal themes list`).")
  var theme: String?

  @Flag(
    name: .customLong("no-worker"),
    help: "Do not run queued jobs in this process (leave them to `portal worker` or another TUI).")
  var noWorker = false

  var launch: PortalTUI.LaunchOptions {
    var launch = PortalTUI.LaunchOptions(colorDepth: color?.depth, ascii: ascii, mouse: !noMouse, theme: theme)
    launch.worker = !noWorker
    return launch
  }
}
