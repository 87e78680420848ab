/// A scrolling list of one-line items with a cursor (menus, pickers, short result lists).
public struct ListView: Sendable {
  /// Colours of the parts of a list.
  public struct Styles: Hashable, Sendable {
    /// Ordinary items.
    public var item = Style.plain
    /// The item under the cursor.
    public var cursor = Style(attributes: .reverse)

    /// The default styles.
    public init() {}
  }

  /// The items, top to bottom.
  public var items: [String] {
    didSet { cursor = max(0, min(cursor, items.count - 1)) }
  }
  /// Index of the cursor item.
  public private(set) var cursor = 0
  /// Index of the first item on screen.
  public private(set) var scrollOffset = 0
  /// Styles.
  public var styles = Styles()
  private var pageSize = 1

  /// Creates a list.
  public init(items: [String]) { self.items = items }

  /// The item under the cursor, if any.
  public var selectedItem: String? { items.indices.contains(cursor) ? items[cursor] : nil }

  /// Moves the cursor to `index` (clamped) and scrolls it into view.
  public mutating func moveCursor(to index: Int) {
    cursor = max(0, min(index, items.count - 1))
    if cursor < scrollOffset { scrollOffset = cursor }
    if cursor >= scrollOffset + pageSize { scrollOffset = cursor - pageSize + 1 }
  }

  /// Draws the visible items, each prefixed by the pointer glyph on the cursor row.
  public mutating func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    pageSize = rect.height
    moveCursor(to: cursor)
    let pointer = terminal.glyphs.pointer
    for row in 0..<rect.height {
      let index = scrollOffset + row
      let rowRect = rect.row(row)
      guard index < items.count else {
        terminal.fill(rowRect, style: styles.item)
        continue
      }
      let isCursor = index == cursor
      let prefix = isCursor ? pointer + " " : "  "
      terminal.put(text: prefix + items[index], in: rowRect, style: isCursor ? styles.cursor : styles.item)
    }
  }

  /// Arrow keys, paging, Home/End, mouse click and wheel. Returns whether it used the event.
  public mutating func handle(_ event: InputEvent, in rect: Rect) -> Bool {
    switch event {
    case .key(.up): moveCursor(to: cursor - 1)
    case .key(.down): moveCursor(to: cursor + 1)
    case .key(.pageUp): moveCursor(to: cursor - pageSize)
    case .key(.pageDown): moveCursor(to: cursor + pageSize)
    case .key(.home): moveCursor(to: 0)
    case .key(.end): moveCursor(to: items.count - 1)
    case .mouse(let mouse) where rect.contains(mouse.position):
      switch mouse.action {
      case .leftClick: moveCursor(to: scrollOffset + mouse.position.y - rect.y)
      case .wheelUp: moveCursor(to: cursor - 1)
      case .wheelDown: moveCursor(to: cursor + 1)
      default: return false
      }
    default: return false
    }
    return true
  }
}
