import CNcurses
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether an ncurses screen is live; read by the signal handler, so it must be lock-free.
private let screenActive = Atomic<Bool>(false)

/// Restores the terminal when the process is killed, so a reviewer's shell is never left garbled.
///
/// `endwin` is not formally async-signal-safe, but it is what ncurses' own SIGINT handler calls;
/// the UI thread holds no locks ncurses needs (ncurses is built without threads here).
enum TerminalSignals {
  static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

  /// Marks a screen live and installs handlers; returns the handlers to put back later.
  static func install() -> [Int32: sighandler_t?] {
    screenActive.store(true, ordering: .sequentiallyConsistent)
    var previous: [Int32: sighandler_t?] = [:]
    for signalNumber in handled {
      previous[signalNumber] = signal(signalNumber, restoreAndReraise)
    }
    return previous
  }

  /// Marks the screen gone and puts the previous handlers back.
  static func uninstall(_ previous: [Int32: sighandler_t?]) {
    screenActive.store(false, ordering: .sequentiallyConsistent)
    for (signalNumber, handler) in previous { signal(signalNumber, handler) }
  }

  /// Whether a screen is live in this process.
  static var isScreenActive: Bool { screenActive.load(ordering: .sequentiallyConsistent) }

  /// True once per live screen: whoever gets true must call `endwin`.
  static func claimShutdown() -> Bool {
    screenActive.exchange(false, ordering: .sequentiallyConsistent)
  }
}

private func restoreAndReraise(_ signalNumber: Int32) {
  if TerminalSignals.claimShutdown() { endwin() }
  // Die of the same signal so the parent shell sees the usual status.
  signal(signalNumber, SIG_DFL)
  raise(signalNumber)
}
