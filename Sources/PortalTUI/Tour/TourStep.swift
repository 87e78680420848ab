import TerminalKit

/// One step of the guided tour, as data: what it says, what it points at, how the tour
/// knows the presenter did it, and what `Tab` does on the presenter's behalf.
///
/// Steps are plain values so more can be appended as features land; the tour never reaches
/// into a screen to change it — ``perform`` only lists inputs a user could give.
public struct TourStep {
  /// A stable name (`search`, `open`), for tests and logs.
  public var id: String
  /// The box's title.
  public var title: String
  /// Two to four short sentences; wrapped to the box's width.
  public var text: [String]
  /// The part of the screen the step talks about.
  public var target: TourTarget
  /// True once the presenter has done the step (read from app state after every frame);
  /// nil for a step that only explains, which `Tab` or `Enter` moves past.
  public var isDone: ((App) -> Bool)?
  /// What `Tab` (and autoplay) does: the same actions and keys a user would give.
  public var perform: [TourInput]

  /// Creates a step.
  public init(
    id: String, title: String, text: [String], target: TourTarget, isDone: ((App) -> Bool)?,
    perform: [TourInput] = []
  ) {
    self.id = id
    self.title = title
    self.text = text
    self.target = target
    self.isDone = isDone
    self.perform = perform
  }
}

/// A region of the screen a step points at.
public enum TourTarget: Equatable, Sendable {
  /// Nothing in particular (the box sits at the bottom).
  case none
  /// The main table or list of the top screen.
  case table
  /// The search bar of the Datasets screen (the row above the table).
  case searchBar
  /// The dataset screen's tab bar; with a name, that tab's title.
  case tab(String?)
  /// The title bar (breadcrumbs).
  case titleBar
  /// The status bar (key hints, who you are, which catalog).
  case statusBar
  /// The open overlay (help, palette), drawn near the top of the body.
  case overlay
}

/// One input the tour gives when it does a step itself.
public enum TourInput: Equatable, Sendable {
  /// An action from the registry, performed as its key would (refused if it does not
  /// apply on the top screen).
  case action(ActionID)
  /// Text typed key by key into whatever has focus.
  case type(String)
  /// A key, routed like a key press (overlay, focused field, key map).
  case key(Key)
  /// Presses Enter if a text field has focus (closes the search field, keeping its text).
  case finishTyping
}
