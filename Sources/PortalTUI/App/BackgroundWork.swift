import Foundation
import Synchronization

/// Runs catalog queries and imports off the UI thread and posts their results to the
/// mailbox, so a slow query never freezes input.
///
/// Jobs with the same `key` coalesce: if a job is still queued when a newer one with
/// its key arrives (search as you type, fast scrolling), the older one never runs.
final class BackgroundWork: Sendable {
  private let queries = DispatchQueue(label: "portal.tui.queries", qos: .userInitiated)
  private let long = DispatchQueue(label: "portal.tui.long-running", qos: .utility)
  private let latest = Mutex<[String: Int]>([:])
  let mailbox: Mailbox

  init(mailbox: Mailbox) { self.mailbox = mailbox }

  /// Runs `work` on the query thread (or the long-running one); delivers under `ticket`.
  func run(
    ticket: Int, key: String?, longRunning: Bool = false, _ work: @escaping @Sendable () throws -> any Sendable
  ) {
    if let key { latest.withLock { $0[key] = ticket } }
    let mailbox = mailbox
    (longRunning ? long : queries).async { [self] in
      if let key, self.latest.withLock({ $0[key] }) != ticket {
        mailbox.post(.superseded(ticket: ticket))
        return
      }
      let result = Result<any Sendable, any Error> { try work() }
      mailbox.post(.result(ticket: ticket, result))
    }
  }
}
