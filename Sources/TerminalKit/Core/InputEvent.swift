/// A mouse button or wheel direction.
public enum MouseAction: Hashable, Sendable {
  /// Left button pressed.
  case leftClick
  /// Middle button pressed.
  case middleClick
  /// Right button pressed.
  case rightClick
  /// Wheel scrolled up (away from the user).
  case wheelUp
  /// Wheel scrolled down.
  case wheelDown
}

/// A mouse event at a cell position.
public struct MouseEvent: Hashable, Sendable {
  /// What happened.
  public var action: MouseAction
  /// Where, in screen cells.
  public var position: Point

  /// Creates a mouse event.
  public init(_ action: MouseAction, at position: Point) {
    self.action = action
    self.position = position
  }
}

/// Everything the UI loop can receive from a terminal.
public enum InputEvent: Hashable, Sendable {
  /// A key press.
  case key(Key)
  /// A mouse click or wheel step.
  case mouse(MouseEvent)
  /// The terminal changed size; redraw everything for the new size.
  case resize(Size)

  /// Key events for every character of `text`, as if typed (handy in tests and demos).
  public static func typing(_ text: String) -> [InputEvent] {
    text.map { .key(.character($0)) }
  }
}
