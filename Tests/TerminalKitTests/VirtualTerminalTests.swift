import Testing

@testable import TerminalKit

@Suite struct VirtualTerminalTests {
  @Test func wideCharacterOccupiesTwoCellsWithAContinuation() {
    let terminal = VirtualTerminal(size: Size(width: 6, height: 1))
    terminal.put(text: "a日b", at: Point(x: 0, y: 0), style: .plain)
    terminal.present()
    #expect(terminal.cell(at: Point(x: 1, y: 0)).grapheme == "日")
    #expect(terminal.cell(at: Point(x: 2, y: 0)).isContinuation)
    #expect(terminal.cell(at: Point(x: 3, y: 0)).grapheme == "b")
    #expect(terminal.snapshotText() == "a日b")
  }

  @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
    let terminal = VirtualTerminal(size: Size(width: 6, height: 1))
    terminal.put(text: "日本", at: Point(x: 0, y: 0), style: .plain)
    terminal.put(text: "x", at: Point(x: 1, y: 0), style: .plain)  // right half of 日
    terminal.put(text: "y", at: Point(x: 2, y: 0), style: .plain)  // left half of 本
    terminal.present()
    #expect(terminal.snapshotText() == " xy")
    #expect((0..<6).allSatisfy { !terminal.cell(at: Point(x: $0, y: 0)).isContinuation })
  }

  @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
    let terminal = VirtualTerminal(size: Size(width: 3, height: 1))
    terminal.put(text: "ab日", at: Point(x: 0, y: 0), style: .plain)
    terminal.present()
    #expect(terminal.snapshotText() == "ab")
    #expect(terminal.cell(at: Point(x: 2, y: 0)) == .blank)
  }

  @Test func controlCharactersAreDrawnAsReplacement() {
    let terminal = VirtualTerminal(size: Size(width: 10, height: 1))
    terminal.put(text: "a\u{1B}[2Jb", at: Point(x: 0, y: 0), style: .plain)
    terminal.present()
    #expect(terminal.snapshotText() == "a?[2Jb")
  }

  @Test func secondIdenticalPresentChangesNoCells() {
    let terminal = VirtualTerminal(size: Size(width: 20, height: 3))
    func draw(_ word: String) {
      terminal.clear()
      terminal.put(text: "status: \(word)", at: Point(x: 0, y: 1), style: Style(foreground: .green))
    }
    draw("ready")
    terminal.present()
    #expect(terminal.lastPresentChangedCells == 13)
    draw("ready")
    terminal.present()
    #expect(terminal.lastPresentChangedCells == 0)
    draw("reads")
    terminal.present()
    #expect(terminal.lastPresentChangedCells == 1)
  }

  @Test func scriptedEventsAreReadInOrderThenNil() {
    let terminal = VirtualTerminal(size: Size(width: 4, height: 2))
    terminal.enqueue(InputEvent.typing("hi") + [.key(.enter)])
    #expect(terminal.readEvent(timeout: nil) == .key(.character("h")))
    #expect(terminal.readEvent(timeout: nil) == .key(.character("i")))
    #expect(terminal.readEvent(timeout: nil) == .key(.enter))
    #expect(terminal.readEvent(timeout: .zero) == nil)
  }

  @Test func resizeKeepsContentAndQueuesAResizeEvent() {
    let terminal = VirtualTerminal(size: Size(width: 5, height: 2))
    terminal.put(text: "hello", at: Point(x: 0, y: 0), style: .plain)
    terminal.present()
    terminal.resize(to: Size(width: 3, height: 3))
    #expect(terminal.readEvent(timeout: nil) == .resize(Size(width: 3, height: 3)))
    #expect(terminal.snapshotText() == "hel\n\n")
  }

  @Test func stylesAreSteppedDownToTheTerminalDepth() {
    let terminal = VirtualTerminal(size: Size(width: 2, height: 1), colorDepth: .ansi16)
    terminal.put(text: "x", at: Point(x: 0, y: 0), style: Style(foreground: .rgb(255, 0, 0)))
    terminal.present()
    #expect(terminal.cell(at: Point(x: 0, y: 0)).style.foreground == .ansi(9))
  }

  @Test func styleSnapshotHasALegendAndAlignedRows() {
    let terminal = VirtualTerminal(size: Size(width: 6, height: 2))
    terminal.put(text: "ab", at: Point(x: 1, y: 0), style: Style(foreground: .red, attributes: .bold))
    terminal.put(text: "日", at: Point(x: 0, y: 1), style: Style(background: .indexed(236)))
    terminal.present()
    #expect(terminal.snapshotStyles() == "legend:\na fg=red bold\nb bg=i236\nrows:\n.aa\nbb")
  }

  @Test func cursorShowsOnlyAfterPresent() {
    let terminal = VirtualTerminal(size: Size(width: 4, height: 1))
    terminal.showCursor(at: Point(x: 2, y: 0))
    #expect(terminal.presentedCursor == nil)
    terminal.present()
    #expect(terminal.presentedCursor == Point(x: 2, y: 0))
  }
}

@Suite struct LayoutTests {
  @Test func fixedSlotsComeFirstAndFillSlotsShareTheRest() {
    #expect(Layout.sizes(total: 20, [.fixed(1), .fill, .fixed(1)]) == [1, 18, 1])
    #expect(Layout.sizes(total: 10, [.fill(1), .fill(2)]) == [4, 6])
    #expect(Layout.sizes(total: 3, [.fixed(2), .fixed(2), .fill]) == [2, 1, 0])
  }

  @Test func columnsLeaveSpacingBetweenSlots() {
    let rects = Layout.columns(Rect(x: 0, y: 0, width: 11, height: 2), [.fill, .fill], spacing: 1)
    #expect(rects == [Rect(x: 0, y: 0, width: 5, height: 2), Rect(x: 6, y: 0, width: 5, height: 2)])
  }
}
