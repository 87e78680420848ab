/// A row of tab titles with one selected: ` Datasets │ Jobs │ Audit `.
public struct TabBar: Sendable {
  /// Colours of the parts of a tab bar.
  public struct Styles: Hashable, Sendable {
    /// Unselected tabs and the rest of the row.
    public var tab = Style.plain
    /// The selected tab.
    public var selected = Style(attributes: [.reverse, .bold])
    /// Separators between tabs.
    public var separator = Style(attributes: .dim)

    /// The default styles.
    public init() {}
  }

  /// Tab titles.
  public var titles: [String]
  /// Index of the selected tab.
  public private(set) var selectedIndex: Int
  /// Styles.
  public var styles = Styles()
  private var tabRects: [Rect] = []

  /// Creates a tab bar.
  public init(titles: [String], selectedIndex: Int = 0) {
    self.titles = titles
    self.selectedIndex = max(0, min(selectedIndex, titles.count - 1))
  }

  /// Selects tab `index` (clamped).
  public mutating func select(_ index: Int) { selectedIndex = max(0, min(index, titles.count - 1)) }

  /// Selects the next tab, wrapping around.
  public mutating func selectNext() {
    guard !titles.isEmpty else { return }
    selectedIndex = (selectedIndex + 1) % titles.count
  }

  /// Selects the previous tab, wrapping around.
  public mutating func selectPrevious() {
    guard !titles.isEmpty else { return }
    selectedIndex = (selectedIndex - 1 + titles.count) % titles.count
  }

  /// A click on a tab (where it was last drawn) selects it; keys are left to the screen.
  public mutating func handle(_ event: InputEvent) -> Bool {
    guard case .mouse(let mouse) = event, mouse.action == .leftClick,
      let index = tabRects.firstIndex(where: { $0.contains(mouse.position) })
    else { return false }
    selectedIndex = index
    return true
  }

  /// Draws the tabs on the first row of `rect`; tabs that do not fit are cut with an ellipsis.
  public mutating func render(into terminal: any Terminal, in rect: Rect) {
    guard !rect.isEmpty else { return }
    terminal.fill(rect.row(0), style: styles.tab)
    tabRects = []
    var x = rect.x
    for (index, title) in titles.enumerated() {
      if index > 0 {
        guard x < rect.maxX else { break }
        terminal.put(text: terminal.glyphs.vertical, at: Point(x: x, y: rect.y), style: styles.separator)
        x += 1
      }
      let room = rect.maxX - x
      guard room > 0 else { break }
      let label = DisplayWidth.truncate(" \(title) ", to: room, ellipsis: terminal.glyphs.ellipsis)
      let width = DisplayWidth.of(label)
      terminal.put(
        text: label, at: Point(x: x, y: rect.y), style: index == selectedIndex ? styles.selected : styles.tab)
      tabRects.append(Rect(x: x, y: rect.y, width: width, height: 1))
      x += width
    }
  }
}
