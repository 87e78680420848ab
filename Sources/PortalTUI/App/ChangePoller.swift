import Foundation
import Portal
import Synchronization

/// Polls the catalog's change token on a background thread and tells the UI loop when
/// it moves: how another reviewer's change reaches this screen without a key press.
final class ChangePoller: Sendable {
  private let stopped = Atomic<Bool>(false)
  private let watcher: CatalogChangeWatcher
  private let mailbox: Mailbox
  private let interval: TimeInterval

  init(watcher: CatalogChangeWatcher, mailbox: Mailbox, interval: TimeInterval = 0.25) {
    self.watcher = watcher
    self.mailbox = mailbox
    self.interval = interval
  }

  /// Starts polling on its own thread.
  func start() {
    let thread = Thread { [self] in loop() }
    thread.name = "portal.tui.change-poller"
    thread.start()
  }

  /// Stops at the next tick.
  func stop() { stopped.store(true, ordering: .relaxed) }

  private func loop() {
    var last = try? watcher.changeToken()
    while !stopped.load(ordering: .relaxed) {
      // A polling period, not synchronisation: data_version has no notification.
      Thread.sleep(forTimeInterval: interval)
      guard let token = try? watcher.changeToken() else { continue }
      if token != last {
        last = token
        mailbox.post(.catalogChanged)
      }
    }
  }
}
