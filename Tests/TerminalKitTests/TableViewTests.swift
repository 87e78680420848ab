import TerminalKitTesting
import Testing

@testable import TerminalKit

/// A data source over generated rows that records what the table asked for.
final class CountingDataSource: TableDataSource {
  let rowCount: Int
  private(set) var requestedRows = 0
  private(set) var requests: [Range<Int>] = []

  init(rowCount: Int) { self.rowCount = rowCount }

  func rows(in range: Range<Int>) -> [[String]] {
    requests.append(range)
    requestedRows += range.count
    return range.map { [$0 % 3 == 0 ? "aデータ\($0)" : "item-\($0)", String($0 * 7), $0 % 3 == 0 ? "公開" : "private"] }
  }
}

@Suite struct TableViewTests {
  let columns = [
    TableColumn("Name", width: 12), TableColumn("Rows", width: 6, alignment: .trailing), TableColumn("State", width: 8),
  ]

  @Test func asksOnlyForVisibleRowsOfAHundredThousand() {
    let source = CountingDataSource(rowCount: 100_000)
    let terminal = VirtualTerminal(size: Size(width: 40, height: 11))
    var table = TableView(columns: columns)
    let rect = Rect(size: terminal.size)
    table.render(into: terminal, in: rect, dataSource: source)
    #expect(source.requests == [0..<10])
    _ = table.handle(.key(.end), in: rect)
    table.render(into: terminal, in: rect, dataSource: source)
    #expect(source.requests.last == 99_990..<100_000)
    _ = table.handle(.key(.pageUp), in: rect)
    table.render(into: terminal, in: rect, dataSource: source)
    #expect(source.requests.count == 3)
    #expect(source.requestedRows == 30)
    terminal.present()
    #expect(terminal.snapshotText().contains("item-99989"))
  }

  @Test func cursorKeysMoveAndScrollWithinBounds() {
    let source = CountingDataSource(rowCount: 50)
    let terminal = VirtualTerminal(size: Size(width: 40, height: 6))
    var table = TableView(columns: columns)
    let rect = Rect(size: terminal.size)
    table.render(into: terminal, in: rect, dataSource: source)
    _ = table.handle(.key(.up), in: rect)
    #expect(table.cursor == 0)
    for _ in 0..<7 { _ = table.handle(.key(.down), in: rect) }
    #expect(table.cursor == 7)
    #expect(table.scrollOffset == 3)  // 5 visible rows: 3…7
    _ = table.handle(.key(.end), in: rect)
    #expect(table.cursor == 49)
    _ = table.handle(.key(.down), in: rect)
    #expect(table.cursor == 49)
  }

  @Test func spaceMarksTheCursorRowAndAdvances() {
    let source = CountingDataSource(rowCount: 5)
    let terminal = VirtualTerminal(size: Size(width: 40, height: 6))
    var table = TableView(columns: columns)
    let rect = Rect(size: terminal.size)
    table.render(into: terminal, in: rect, dataSource: source)
    _ = table.handle(.key(.character(" ")), in: rect)
    _ = table.handle(.key(.character(" ")), in: rect)
    _ = table.handle(.key(.up), in: rect)
    _ = table.handle(.key(.character(" ")), in: rect)
    #expect(table.marked == [0])
  }

  @Test func clickSelectsTheRowUnderTheMouse() {
    let source = CountingDataSource(rowCount: 5)
    let terminal = VirtualTerminal(size: Size(width: 40, height: 6))
    var table = TableView(columns: columns)
    let rect = Rect(x: 0, y: 1, width: 40, height: 5)
    table.render(into: terminal, in: rect, dataSource: source)
    let used = table.handle(.mouse(MouseEvent(.leftClick, at: Point(x: 3, y: 4))), in: rect)
    #expect(used)
    #expect(table.cursor == 2)
  }

  @Test func rendersHeaderSortMarksAndCursor() {
    let source = CountingDataSource(rowCount: 100)
    var table = TableView(columns: columns, sort: TableSort(column: 1, ascending: false))
    table.marked = [1]
    table.moveCursor(to: 0)
    assertRendering("table_basic", size: Size(width: 32, height: 6)) { terminal in
      table.render(into: terminal, in: Rect(size: terminal.size), dataSource: source)
      _ = table.handle(.key(.down), in: Rect(size: terminal.size))
      _ = table.handle(.key(.down), in: Rect(size: terminal.size))
      table.render(into: terminal, in: Rect(size: terminal.size), dataSource: source)
    }
  }

  @Test func horizontalScrollClipsByDisplayWidth() {
    let source = CountingDataSource(rowCount: 4)
    var table = TableView(columns: columns)
    // Scrolled 4 columns: "デ" straddles the left edge and "公" the right edge; both show as spaces.
    assertRendering("table_scrolled", size: Size(width: 19, height: 5), glyphs: .ascii) { terminal in
      let rect = Rect(size: terminal.size)
      table.render(into: terminal, in: rect, dataSource: source)
      _ = table.handle(.key(.right), in: rect)
      table.render(into: terminal, in: rect, dataSource: source)
    }
  }
}
