import Foundation
import PortalCore
import TerminalKit

/// The guided tour's state: which step is showing, whether it plays itself, and the
/// rules for the keys it takes (`Tab` does the step, `Esc` closes the tour).
///
/// Lives on the UI thread with the ``App``. The tour watches the app after every frame
/// (``update(app:)``) and acts only through ``App/perform(_:)`` and ``App/dispatch(_:)``,
/// so it can do nothing a user could not.
public final class Tour {
  /// Who drives.
  public enum Mode: Equatable, Sendable {
    /// The presenter does each step (or presses `Tab`).
    case manual
    /// Each step is done after the dwell time; the tour loops; any key hands over.
    case autoplay
  }

  /// The steps, in order.
  public let steps: [TourStep]
  /// The step showing.
  public private(set) var index = 0
  /// Who drives.
  public private(set) var mode: Mode
  /// How long autoplay shows each step before doing it.
  public let dwell: TimeInterval
  /// How many times autoplay went round (tests and the recording).
  public private(set) var loops = 0
  /// When the current step appeared, and when autoplay last tried it.
  private var stepShown = Date()
  private var lastAttempt: Date?
  private var attempts = 0
  /// True while the tour itself is giving input (so it is not mistaken for the presenter's).
  private var isDriving = false
  private let clock: () -> Date

  /// A tour over `steps`; `dwell` is autoplay's time per step.
  public init(steps: [TourStep], mode: Mode = .manual, dwell: TimeInterval = 3, clock: @escaping () -> Date = Date.init)
  {
    self.steps = steps
    self.mode = mode
    self.dwell = max(0.05, dwell)
    self.clock = clock
    stepShown = clock()
  }

  /// The step showing.
  public var current: TourStep { steps[min(index, steps.count - 1)] }

  // MARK: - Keys

  /// Takes the keys the tour owns; false lets the app route the event as usual.
  func intercept(_ event: InputEvent, app: App) -> Bool {
    guard !isDriving else { return false }
    if case .resize = event { return false }
    if mode == .autoplay {
      // Any key hands control back; the key itself is not acted on, so a presenter who
      // grabs the keyboard mid-step does not trigger something by surprise.
      mode = .manual
      return true
    }
    // Esc closes an open overlay or a focused field before the tour; Tab is the tour's
    // except in an overlay that takes text (the palette, the import dialog's completion).
    let modal = app.overlay != nil || (app.topScreen?.capturesText ?? false)
    let typing = app.overlay?.capturesText ?? false
    switch event {
    case .key(.tab) where !typing:
      doStep(app: app)
      return true
    case .key(.backTab) where !typing:
      goTo(max(0, index - 1))
      return true
    case .key(.enter) where !modal && current.isDone == nil:
      advance(app: app)
      return true
    case .key(.escape) where !modal:
      app.endTour()
      return true
    default:
      return false
    }
  }

  // MARK: - Progress

  /// Does the current step the way a user would, then moves on if that completed it.
  public func doStep(app: App) {
    lastAttempt = clock()
    run(current.perform, app: app)
    if current.isDone == nil {
      advance(app: app)
    } else {
      update(app: app)
    }
  }

  /// Moves past every step the app's state shows as done (called after each frame's events).
  public func update(app: App) {
    var guardCount = steps.count
    while guardCount > 0, index < steps.count, let done = current.isDone, done(app) {
      advance(app: app)
      guardCount -= 1
    }
  }

  /// Autoplay's clock: does the step once it has shown for the dwell time (and again
  /// after another dwell if background work kept it from completing). True if it acted.
  func tick(app: App) -> Bool {
    guard mode == .autoplay, !app.hasPendingWork else { return false }
    let now = clock()
    guard now.timeIntervalSince(stepShown) >= dwell else { return false }
    if let lastAttempt, now.timeIntervalSince(lastAttempt) < dwell { return false }
    if attempts >= 3 {
      // The app is somewhere the step's inputs cannot finish it (the presenter opened
      // another dataset before handing back): move on rather than stall the loop.
      advance(app: app)
      return true
    }
    attempts += 1
    doStep(app: app)
    return true
  }

  private func advance(app: App) {
    if index + 1 < steps.count {
      goTo(index + 1)
    } else if mode == .autoplay {
      restart(app: app)
    } else {
      app.endTour()
    }
  }

  private func goTo(_ step: Int) {
    index = step
    stepShown = clock()
    lastAttempt = nil
    attempts = 0
  }

  /// Back to the start screen and step 1, through the same actions a user would use.
  public func restart(app: App) {
    var inputs: [TourInput] = []
    if app.overlay != nil { inputs.append(.key(.escape)) }
    inputs.append(.finishTyping)
    run(inputs, app: app)
    while app.screens.count > 1, app.overlay == nil { run([.action(.back)], app: app) }
    if let home = app.topScreen as? DatasetsScreen {
      if home.query != DatasetQuery(sort: home.query.sort, descending: home.query.descending) {
        run([.action(.clearFilters)], app: app)
      }
      run([.action(.top)], app: app)
    }
    loops += 1
    goTo(0)
  }

  /// Gives `inputs` to the app as the user would: actions must exist in the key map's
  /// registry and apply on the top screen.
  private func run(_ inputs: [TourInput], app: App) {
    isDriving = true
    defer { isDriving = false }
    for input in inputs {
      switch input {
      case .action(let id):
        guard let spec = app.keyMap.registry[id], spec.applies(to: app.topScreen?.kind ?? .datasets) else { continue }
        app.perform(id)
      case .type(let text):
        for character in text { app.dispatch(.key(.character(character))) }
      case .key(let key):
        app.dispatch(.key(key))
      case .finishTyping:
        if app.overlay == nil, app.topScreen?.capturesText == true { app.dispatch(.key(.enter)) }
      }
    }
  }
}
