import Foundation
import Portal
import TerminalKit

/// The TUI's one loop: reads an event, lets the key map and the top screen act on it,
/// takes what background work delivered, and redraws once per batch of events.
///
/// Confined to the thread that owns the terminal (ncurses is not thread-safe). Catalog
/// queries and imports run in ``BackgroundWork`` and come back through the ``Mailbox``.
public final class App {
  /// The session every screen acts through.
  public let session: PortalSession
  /// The terminal drawn to.
  public let terminal: any Terminal
  /// Startup options.
  public let options: AppOptions
  /// Current theme (switch with ``setTheme(_:)``).
  public private(set) var theme: Theme
  /// Current key map.
  public let keyMap: KeyMap
  /// Open screens; the last is on top.
  public private(set) var screens: [any Screen] = []
  /// The open overlay, if any.
  public private(set) var overlay: (any Overlay)?
  /// False once the user quit.
  public private(set) var isRunning = true
  /// The guided tour, while it is open (see `Tour/`).
  public internal(set) var tour: Tour?

  let mailbox = Mailbox()
  private lazy var work = BackgroundWork(mailbox: mailbox)
  private var handlers: [Int: (Delivery) -> Void] = [:]
  private var nextTicket = 1
  var toasts: [(toast: Toast, until: Date)] = []
  private var poller: ChangePoller?
  let trace = KeyTrace()
  var firstFrameMarked = false
  /// A background import, shown in the status bar while its dialog is hidden.
  var importStatus: String?
  /// The worker running jobs in this process (see ``startEmbeddedWorker(options:)``).
  var worker: EmbeddedWorker?
  /// Other people active on this catalog (review stations), from the presence heartbeat.
  var othersHere: [String] = []
  /// Why the session ended by itself (its account was disabled), said after curses ends.
  public internal(set) var endedBecause: PortalError?
  var nextHeartbeat = Date.distantPast
  /// Whether the status line shows ``AppOptions/terminalNotice`` (until the first key).
  var terminalNoticeVisible = false

  /// Creates the app on `terminal` with the Datasets screen as home.
  public init(session: PortalSession, terminal: any Terminal, options: AppOptions) {
    self.session = session
    self.terminal = terminal
    self.options = options
    terminalNoticeVisible = options.terminalNotice != nil
    keyMap = KeyMap(bindings: options.keyBindings)
    var warnings = options.startupWarnings + keyMap.warnings
    if let name = options.themeName {
      let loaded = options.themes.load(name)
      theme = loaded.theme
      warnings += loaded.warnings
    } else {
      theme = options.themes.load("default").theme
    }
    for warning in warnings { toast(warning, kind: .warning, seconds: 8) }
    push(DatasetsScreen())
  }

  // MARK: - Running

  /// Runs until the user quits. Redraws only after events; polls the mailbox often while
  /// work is in flight and a few times a second otherwise.
  public func run() {
    if options.watchCatalog { startWatching() }
    defer {
      poller?.stop()
      if options.watchCatalog { endPresence() }
    }
    renderFrame()
    while isRunning {
      let timeout: Duration = handlers.isEmpty ? .milliseconds(100) : .milliseconds(10)
      var changed = false
      if let event = terminal.readEvent(timeout: timeout) {
        let started = DispatchTime.now().uptimeNanoseconds
        dispatch(event)
        // Batch: take whatever else is already waiting before drawing once.
        var batched = 0
        while isRunning, batched < 64, let next = terminal.readEvent(timeout: .zero) {
          dispatch(next)
          batched += 1
        }
        changed = true
        if drainMailbox() { changed = true }
        guard isRunning else { break }
        renderFrame()
        if trace.isEnabled, case .key(let key) = event {
          trace.record(KeyChord(key).configName, nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
        }
        continue
      }
      if options.watchCatalog { presenceTick() }
      if drainMailbox() { changed = true }
      if expireToasts() { changed = true }
      if tickTour() { changed = true }
      if changed { renderFrame() }
    }
  }

  /// Processes queued events and background results until nothing is pending (tests and
  /// scripted demos); false if work was still pending at the deadline.
  @discardableResult
  public func settle(timeout: TimeInterval = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    // Drawing may ask for more work (the preview pane sizes its build to the frame).
    repeat {
      guard settlePass(until: deadline) else { return false }
    } while isRunning && hasPendingWork
    return true
  }

  private func settlePass(until deadline: Date) -> Bool {
    while isRunning {
      var progressed = false
      while isRunning, let event = terminal.readEvent(timeout: .zero) {
        dispatch(event)
        progressed = true
        _ = drainMailbox()
      }
      if drainMailbox() { progressed = true }
      if !progressed && handlers.isEmpty { break }
      if !progressed {
        if Date() > deadline { return false }
        mailbox.wait(timeout: 0.05)
      }
    }
    renderFrame()
    return true
  }

  /// Starts polling the catalog for changes by other processes.
  public func startWatching() {
    guard poller == nil, let watcher = try? session.makeChangeWatcher() else { return }
    let poller = ChangePoller(watcher: watcher, mailbox: mailbox)
    poller.start()
    self.poller = poller
  }

  /// Tells the screens the catalog changed (what the poller does; tests call it directly).
  public func catalogDidChange() {
    for screen in screens { screen.catalogDidChange(app: self) }
  }

  // MARK: - Background work

  /// Runs `work` off the UI thread; `then` runs on the UI thread with its result. Work
  /// with the same `key` coalesces (only the newest queued one runs).
  @discardableResult
  public func submit<T: Sendable>(
    key: String? = nil, longRunning: Bool = false, _ work: @escaping @Sendable () throws -> T,
    then: @escaping (Result<T, any Error>) -> Void
  ) -> Int {
    let ticket = nextTicket
    nextTicket += 1
    handlers[ticket] = { [weak self] delivery in
      switch delivery {
      case .result(_, let result):
        self?.handlers[ticket] = nil
        then(
          result.flatMap { value in
            guard let typed = value as? T else {
              return .failure(PortalError.invalidArgument("internal: wrong result type"))
            }
            return .success(typed)
          })
      case .superseded:
        self?.handlers[ticket] = nil
      default:
        break
      }
    }
    self.work.run(ticket: ticket, key: key, longRunning: longRunning) { try work() }
    return ticket
  }

  /// Like ``submit(key:longRunning:_:then:)`` for long work that reports progress.
  @discardableResult
  public func submit<T: Sendable, P: Sendable>(
    longRunning: Bool, progress: @escaping (P) -> Void,
    _ work: @escaping @Sendable (_ report: @escaping @Sendable (P) -> Void) throws -> T,
    then: @escaping (Result<T, any Error>) -> Void
  ) -> Int {
    let ticket = nextTicket
    let mailbox = mailbox
    let report: @Sendable (P) -> Void = { mailbox.post(.progress(ticket: ticket, $0)) }
    submit(key: nil, longRunning: longRunning, { try work(report) }, then: then)
    let finish = handlers[ticket]
    handlers[ticket] = { delivery in
      if case .progress(_, let value) = delivery, let typed = value as? P {
        progress(typed)
      } else {
        finish?(delivery)
      }
    }
    return ticket
  }

  /// Whether background work is in flight.
  public var hasPendingWork: Bool { !handlers.isEmpty }

  private func drainMailbox() -> Bool {
    let deliveries = mailbox.drain()
    for delivery in deliveries {
      switch delivery {
      case .catalogChanged:
        catalogDidChange()
      case .jobEvent(let event):
        jobEventArrived(event)
      case .result(let ticket, _), .superseded(let ticket), .progress(let ticket, _):
        handlers[ticket]?(delivery)
      }
    }
    return !deliveries.isEmpty
  }

  // MARK: - Screens and overlays

  /// Opens a screen on top.
  public func push(_ screen: any Screen) {
    screens.append(screen)
    screen.activate(app: self)
  }

  /// Closes the top screen; closing the home screen quits.
  public func pop() {
    if screens.count <= 1 {
      quit()
    } else {
      screens.removeLast()
    }
  }

  /// Opens an overlay (replacing any open one).
  public func present(_ overlay: any Overlay) { self.overlay = overlay }

  /// Closes the overlay.
  public func dismissOverlay() {
    overlay = nil
    terminal.hideCursor()
  }

  /// Ends the loop.
  public func quit() { isRunning = false }

  /// The top screen.
  public var topScreen: (any Screen)? { screens.last }

  // MARK: - Themes and toasts

  /// Switches theme live; a bad or unknown theme keeps the current one and says why.
  public func setTheme(_ name: String) {
    guard options.themes.url(of: name) != nil else {
      toast("no theme named '\(name)' (available: \(options.themes.names().joined(separator: ", ")))", kind: .error)
      return
    }
    let loaded = options.themes.load(name)
    if loaded.warnings.isEmpty {
      theme = loaded.theme
      toast("theme \(loaded.theme.name)", kind: .info)
    } else {
      toast(loaded.warnings.joined(separator: "; "), kind: .error, seconds: 8)
    }
  }

  /// Shows a short message in the bottom-right corner for a few seconds.
  public func toast(_ message: String, kind: Toast.Kind = .info, seconds: TimeInterval = 4) {
    toasts.append((Toast(SafeText.line(message), kind: kind), Date().addingTimeInterval(seconds)))
    if toasts.count > 4 { toasts.removeFirst(toasts.count - 4) }
  }

  private func expireToasts() -> Bool {
    let before = toasts.count
    let now = Date()
    toasts.removeAll { $0.until <= now }
    return toasts.count != before
  }

  /// Messages currently shown (tests).
  public var visibleToasts: [String] { toasts.map(\.toast.message) }

  // MARK: - Events

  /// Routes one event: overlay first, then a focused text field, then the key map.
  public func dispatch(_ event: InputEvent) {
    if case .resize = event { return }
    // The terminal notice holds the status line until the user has seen it and typed.
    if case .key = event { terminalNoticeVisible = false }
    if let tour, tour.intercept(event, app: self) { return }
    if let overlay {
      if !overlay.handle(event, app: self), self.overlay === overlay { dismissOverlay() }
      return
    }
    guard let screen = topScreen else { return }
    if screen.capturesText, screen.handle(event, app: self) { return }
    if case .key(let key) = event, let action = keyMap.action(for: key, on: screen.kind) {
      perform(action)
      return
    }
    _ = screen.handle(event, app: self)
  }

  /// Runs an action by name: app-wide ones here, the rest on the top screen.
  public func perform(_ action: ActionID) {
    switch action {
    case .quit: quit()
    case .help: present(HelpOverlay(keyMap: keyMap, screen: topScreen?.kind ?? .datasets))
    case .palette: present(PaletteOverlay(app: self))
    case .tour: startTour()
    case .nextTheme:
      let names = options.themes.names()
      let index = names.firstIndex(of: theme.name).map { ($0 + 1) % max(1, names.count) } ?? 0
      if names.indices.contains(index) { setTheme(names[index]) }
    case .requestsInbox: push(RequestsScreen())
    case .showJobs: showJobs()
    case .refresh:
      terminal.clear()
      catalogDidChange()
    case .back:
      guard let screen = topScreen else { return }
      if !screen.back(app: self) { pop() }
    default:
      if let screen = topScreen, !screen.perform(action, app: self) {
        let name = keyMap.registry[action]?.title ?? action.rawValue
        toast("\(name) does not apply on this screen", kind: .info, seconds: 2)
      }
    }
  }
}
