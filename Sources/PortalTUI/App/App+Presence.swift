import Foundation
import Portal

// MARK: - Presence: who else has this catalog open (review stations)

extension App {
  /// How often this session says it is alive; well inside the 15 s a row stays valid.
  static let heartbeatInterval: TimeInterval = 4

  /// Called from the UI loop when idle: every few seconds, writes this session's
  /// heartbeat and reads who else is here, off the UI thread; the status bar shows them.
  func presenceTick(now: Date = Date()) {
    guard now >= nextHeartbeat else { return }
    nextHeartbeat = now.addingTimeInterval(Self.heartbeatInterval)
    let session = session
    submit(
      key: "presence",
      {
        try session.heartbeat()
        return try session.otherActiveLogins()
      },
      then: { [weak self] result in
        switch result {
        case .success(let logins): self?.othersHere = logins.map { SafeText.line($0) }
        case .failure(let error as PortalError):
          // An owner disabled this account: end the session, saying why once curses is gone.
          if case .accountDisabled = error {
            self?.endedBecause = error
            self?.quit()
          }
        // A failed heartbeat (catalog busy, read-only copy) only leaves the list as it was.
        case .failure: break
        }
      })
  }

  /// Removes this session's presence row when the TUI closes.
  func endPresence() {
    session.endPresence()
  }
}
