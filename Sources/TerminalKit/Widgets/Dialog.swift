/// A modal box with a title, a wrapped message and a row of buttons.
///
/// While a dialog is open the screen routes every event to ``handle(_:)``; it answers through
/// ``outcome``. ←/→, Tab and Shift-Tab move between buttons, Enter chooses, Escape cancels.
public struct Dialog: Sendable {
  /// How a dialog was closed.
  public enum Outcome: Hashable, Sendable {
    /// The button at this index was chosen.
    case button(Int)
    /// Escape was pressed.
    case cancelled
  }

  /// Colours of the parts of a dialog.
  public struct Styles: Hashable, Sendable {
    /// Border and background.
    public var frame = Style.plain
    /// Title on the top border.
    public var title = Style(attributes: .bold)
    /// Message text.
    public var body = Style.plain
    /// Buttons.
    public var button = Style.plain
    /// The focused button.
    public var selectedButton = Style(attributes: [.reverse, .bold])

    /// The default styles.
    public init() {}
  }

  /// Title on the top border.
  public var title: String
  /// Message, wrapped to the dialog's width.
  public var message: String
  /// Button labels, left to right.
  public var buttons: [String]
  /// Index of the focused button.
  public private(set) var selectedButton: Int
  /// Set once the user chose or cancelled.
  public private(set) var outcome: Outcome?
  /// Styles.
  public var styles = Styles()
  /// Preferred width including the border; shrunk to fit the screen.
  public var preferredWidth = 50
  private var buttonRects: [Rect] = []

  /// Creates a dialog with the focus on `selectedButton`.
  public init(title: String, message: String, buttons: [String], selectedButton: Int = 0) {
    self.title = title
    self.message = message
    self.buttons = buttons
    self.selectedButton = max(0, min(selectedButton, buttons.count - 1))
  }

  /// A yes/no question; the confirm button is index 0, and the focus starts on Cancel so that a
  /// stray Enter does not confirm something destructive.
  public static func confirm(
    title: String, message: String, confirmLabel: String = "OK", cancelLabel: String = "Cancel"
  ) -> Dialog {
    Dialog(title: title, message: message, buttons: [confirmLabel, cancelLabel], selectedButton: 1)
  }

  /// Whether the first (confirm) button was chosen.
  public var isConfirmed: Bool { outcome == .button(0) }

  /// Handles every key while open (modal); returns false only for events it ignores entirely.
  public mutating func handle(_ event: InputEvent) -> Bool {
    guard !buttons.isEmpty else { return false }
    switch event {
    case .key(.left), .key(.backTab): selectedButton = (selectedButton - 1 + buttons.count) % buttons.count
    case .key(.right), .key(.tab): selectedButton = (selectedButton + 1) % buttons.count
    case .key(.enter): outcome = .button(selectedButton)
    case .key(.escape): outcome = .cancelled
    case .key: break  // modal: swallow other keys so the screen below does not act on them
    case .mouse(let mouse) where mouse.action == .leftClick:
      guard let index = buttonRects.firstIndex(where: { $0.contains(mouse.position) }) else { return true }
      selectedButton = index
      outcome = .button(index)
    default: return false
    }
    return true
  }

  /// Draws the dialog centred in `rect` (normally the whole screen).
  public mutating func render(into terminal: any Terminal, in rect: Rect) {
    let width = min(preferredWidth, rect.width)
    guard width >= 6 else { return }
    let lines = DisplayWidth.wrap(message, width: width - 4)
    let box = rect.centered(Size(width: width, height: lines.count + 4))
    terminal.fill(box, style: styles.frame)
    terminal.drawBox(box, style: styles.frame, title: title, titleStyle: styles.title)
    for (index, line) in lines.enumerated() where index < box.height - 4 {
      terminal.put(
        text: line, in: Rect(x: box.x + 2, y: box.y + 1 + index, width: box.width - 4, height: 1), style: styles.body)
    }
    let labels = buttons.map { "[ \($0) ]" }
    let total = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, labels.count - 1)
    var x = box.maxX - 2 - min(total, box.width - 4)
    let y = box.maxY - 2
    buttonRects = []
    for (index, label) in labels.enumerated() {
      let labelWidth = DisplayWidth.of(label)
      let style = index == selectedButton ? styles.selectedButton : styles.button
      terminal.put(text: label, at: Point(x: x, y: y), style: style)
      buttonRects.append(Rect(x: x, y: y, width: labelWidth, height: 1))
      x += labelWidth + 2
    }
  }
}
