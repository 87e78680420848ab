import Foundation
import Portal
import PortalCore
import TerminalKit

// MARK: - The embedded worker and job toasts

extension App {
  /// Starts a worker on a background thread of this process (default worker options).
  /// It never draws: its events go to the mailbox, and the UI loop turns job ends into
  /// toasts and refreshes.
  public func startEmbeddedWorker() {
    guard worker == nil else { return }
    let mailbox = mailbox
    worker = session.startEmbeddedWorker { event in mailbox.post(.jobEvent(event)) }
  }

  /// Like ``startEmbeddedWorker()`` with explicit options (tests: a short idle poll).
  public func startEmbeddedWorker(options: WorkerOptions) {
    guard worker == nil else { return }
    let mailbox = mailbox
    worker = session.startEmbeddedWorker(options: options) { event in mailbox.post(.jobEvent(event)) }
  }

  /// Stops the worker, waiting up to `seconds` for a running job to be handed back to
  /// the queue (its checkpoint kept; another worker resumes it). False if it did not stop in time.
  @discardableResult
  public func stopEmbeddedWorker(waitingUpTo seconds: TimeInterval = 5) -> Bool {
    guard let worker else { return true }
    self.worker = nil
    return worker.stop(waitingUpTo: seconds)
  }

  /// Whether a worker runs in this process.
  public var isRunningWorker: Bool { worker != nil }

  /// `J`: the Jobs screen (brought to the top if it is open already).
  func showJobs() {
    if topScreen is JobsScreen { return }
    push(JobsScreen())
  }

  /// A worker event on the UI thread: job ends become toasts; every event refreshes
  /// the views (the poller only sees other connections' writes).
  func jobEventArrived(_ event: JobEvent) {
    switch event.kind {
    case .succeeded, .failed, .cancelled:
      guard let id = event.jobID else { break }
      let session = session
      submit({ try session.job(id) }) { [weak self] result in
        guard let self else { return }
        if case .success(let row) = result {
          self.toastJobEnd(row, event: event)
        } else {
          self.toast("job \(id) \(event.kind.rawValue): \(event.message)", kind: event.kind == .failed ? .error : .info)
        }
      }
    case .workerProblem:
      toast("worker: \(event.message)", kind: .error, seconds: 8)
    case .leaseLost:
      toast("job \(event.jobID ?? 0) was taken over by another worker: \(event.message)", kind: .warning, seconds: 6)
    case .started, .retrying, .released:
      break
    }
    catalogDidChange()
  }

  /// "clean of docs succeeded → version 3"; failures in the error style with the reason.
  func toastJobEnd(_ row: JobRow, event: JobEvent) {
    let name = "\(row.job.kind.rawValue) of \(row.datasetSlug)"
    switch event.kind {
    case .succeeded:
      let result = row.resultVersionNumber.map { " → version \($0)" } ?? ""
      toast("\(name) succeeded\(result)", kind: .success, seconds: 6)
    case .failed:
      toast("\(name) failed: \(row.job.error ?? event.message)", kind: .error, seconds: 10)
    default:
      toast("\(name) cancelled", kind: .info, seconds: 4)
    }
  }
}
