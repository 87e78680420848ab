import ArgumentParser
import Foundation
import Portal
import PortalTUI

/// `portal demo`'s walkthrough flags: the guided tour, autoplay and recording.
struct DemoTourOptions: ParsableArguments {
  @Flag(name: .customLong("no-tour"), help: "Open the demo without the guided tour (`:tour` opens it later).")
  var noTour = false

  @Flag(help: "Play the tour by itself and loop (any key takes over).")
  var autoplay = false

  @Option(name: .customLong("step-seconds"), help: "With --autoplay: seconds each step shows before it is done.")
  var stepSeconds: Double = 3

  @Option(help: "Record the session as an asciinema v2 cast (play it with `asciinema play FILE`).", completion: .file())
  var record: String?

  func validate(printOnly: Bool) throws {
    guard stepSeconds.isFinite, stepSeconds >= 0.05, stepSeconds <= 600 else {
      throw ValidationError("--step-seconds takes a number of seconds from 0.05 to 600, e.g. --step-seconds 3")
    }
    if noTour && autoplay { throw ValidationError("--autoplay plays the tour; leave out --no-tour") }
    if printOnly && (autoplay || record != nil) {
      throw ValidationError(
        "--print writes a table instead of opening the terminal UI; leave out --autoplay and --record")
    }
  }

  /// The launch options with the tour and recording set.
  func apply(to launch: PortalTUI.LaunchOptions) -> PortalTUI.LaunchOptions {
    var launch = launch
    launch.tour = noTour ? nil : TourLaunch(autoplay: autoplay, stepSeconds: stepSeconds)
    launch.recordPath = record
    return launch
  }
}

extension TUILauncher {
  /// Starts the TUI with launch options already worked out (the demo's tour and recording).
  static func open(session: PortalSession, launch: PortalTUI.LaunchOptions, label: String) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw ValidationError(
        "the terminal UI needs a terminal on standard input and output; for scripts use `portal demo --print`")
    }
    try PortalTUI.run(session: session, launch: launch, catalogLabel: label)
  }
}
