import Testing

@testable import TerminalKit

@Suite struct TextFieldTests {
  private func field(_ text: String, typing events: [InputEvent]) -> TextField {
    var field = TextField(text: text)
    for event in events { _ = field.handle(event) }
    return field
  }

  @Test func insertsAtTheCursorIncludingWideCharacters() {
    let result = field("ac", typing: [.key(.left)] + InputEvent.typing("b日"))
    #expect(result.text == "ab日c")
    #expect(result.cursor == 3)
  }

  @Test func backspaceAndDeleteRemoveAroundTheCursor() {
    let result = field("abcd", typing: [.key(.left), .key(.left), .key(.backspace), .key(.delete)])
    #expect(result.text == "ad")
    #expect(result.cursor == 1)
  }

  @Test func ctrlAAndCtrlEJumpToEnds() {
    var result = field("hello", typing: [.key(.ctrl("a")), .key(.character(">"))])
    #expect(result.text == ">hello")
    _ = result.handle(.key(.ctrl("e")))
    _ = result.handle(.key(.character("!")))
    #expect(result.text == ">hello!")
    _ = result.handle(.key(.home))
    #expect(result.cursor == 0)
    _ = result.handle(.key(.end))
    #expect(result.cursor == 7)
  }

  @Test func ctrlKAndCtrlUKillToEndAndStart() {
    let killEnd = field("press-2019 draft", typing: Array(repeating: .key(.left), count: 6) + [.key(.ctrl("k"))])
    #expect(killEnd.text == "press-2019")
    let killStart = field("press-2019 draft", typing: Array(repeating: .key(.left), count: 5) + [.key(.ctrl("u"))])
    #expect(killStart.text == "draft")
    #expect(killStart.cursor == 0)
  }

  @Test func ctrlWDeletesThePreviousWord() {
    let result = field("grant read  ", typing: [.key(.ctrl("w"))])
    #expect(result.text == "grant ")
    #expect(field("one", typing: [.key(.ctrl("w"))]).text == "")
  }

  @Test func cursorCannotLeaveTheText() {
    let result = field("ab", typing: [.key(.right), .key(.right)])
    #expect(result.cursor == 2)
    #expect(field("", typing: [.key(.backspace), .key(.left)]).cursor == 0)
  }

  @Test func controlCharactersAreNotInserted() {
    var result = TextField()
    let used = result.handle(.key(.character("\u{07}")))
    #expect(!used)
    #expect(result.text.isEmpty)
  }

  @Test func longTextScrollsToKeepTheCursorVisible() {
    var text = TextField(text: "abcdefghij")
    let terminal = VirtualTerminal(size: Size(width: 5, height: 1))
    text.render(into: terminal, in: Rect(size: terminal.size), focused: true)
    terminal.present()
    #expect(terminal.snapshotText() == "ghij")
    #expect(terminal.presentedCursor == Point(x: 4, y: 0))
  }
}

@Suite struct DateFieldTests {
  @Test func rejectsTheThirtiethOfFebruary() {
    var field = DateField()
    for event in InputEvent.typing("2027-02-30") { _ = field.handle(event) }
    #expect(field.date == nil)
    #expect(field.validationMessage == "2027-02-30 is not a day of the calendar")
  }

  @Test func acceptsLeapDayOnlyInLeapYears() {
    #expect(CalendarDate(parsing: "2028-02-29") != nil)
    #expect(CalendarDate(parsing: "2027-02-29") == nil)
    #expect(CalendarDate(parsing: "2000-02-29") != nil)
    #expect(CalendarDate(parsing: "1900-02-29") == nil)
  }

  @Test func acceptsAValidDateAndIgnoresLetters() {
    var field = DateField()
    for event in InputEvent.typing("2026-x11-05") { _ = field.handle(event) }
    #expect(field.date == CalendarDate(year: 2026, month: 11, day: 5))
    #expect(field.validationMessage == nil)
  }

  @Test func reportsMalformedText() {
    var field = DateField()
    for event in InputEvent.typing("2026-1-5") { _ = field.handle(event) }
    #expect(field.validationMessage == "use the form YYYY-MM-DD")
    #expect(CalendarDate(parsing: "2026-13-01") == nil)
  }
}

@Suite struct InteractiveWidgetTests {
  @Test func confirmDialogStartsOnCancelAndConfirmsAfterMovingLeft() {
    var dialog = Dialog.confirm(title: "Delete", message: "Delete it?")
    _ = dialog.handle(.key(.enter))
    #expect(dialog.outcome == .button(1))
    #expect(!dialog.isConfirmed)
    var second = Dialog.confirm(title: "Delete", message: "Delete it?")
    _ = second.handle(.key(.left))
    _ = second.handle(.key(.enter))
    #expect(second.isConfirmed)
  }

  @Test func dialogSwallowsOtherKeysAndEscapeCancels() {
    var dialog = Dialog(title: "t", message: "m", buttons: ["A"])
    let used = dialog.handle(.key(.character("q")))
    #expect(used)
    #expect(dialog.outcome == nil)
    _ = dialog.handle(.key(.escape))
    #expect(dialog.outcome == .cancelled)
  }

  @Test func selectFieldCyclesAndCheckboxToggles() {
    var select = SelectField(options: ["a", "b", "c"])
    _ = select.handle(.key(.left))
    #expect(select.selectedOption == "c")
    _ = select.handle(.key(.right))
    #expect(select.selectedOption == "a")
    var box = Checkbox(label: "x")
    _ = box.handle(.key(.character(" ")))
    #expect(box.isChecked)
  }

  @Test func tabBarSelectsTheClickedTab() {
    var tabs = TabBar(titles: ["One", "Two", "Three"])
    let terminal = VirtualTerminal(size: Size(width: 30, height: 1))
    tabs.render(into: terminal, in: Rect(size: terminal.size))
    let used = tabs.handle(.mouse(MouseEvent(.leftClick, at: Point(x: 8, y: 0))))
    #expect(used)
    #expect(tabs.selectedIndex == 1)
  }

  @Test func pagerFindsMatchesIgnoringCaseAndMeasuresWideColumns() {
    let matches = TextPager.find("ab", in: "日AB ab", line: 0)
    #expect(matches.map(\.column) == [2, 5])
    #expect(matches.map(\.width) == [2, 2])
  }

  @Test func waveformTakesMinAndMaxPerColumn() {
    let extents = Waveform.columnExtents([0.1, -0.5, 0.9, 0.2, -1.5, 0], columns: 3)
    #expect(extents.map(\.min) == [-0.5, 0.2, -1])
    #expect(extents.map(\.max) == [0.1, 0.9, 0])
  }

  @Test func sparklineScalesBetweenMinimumAndMaximum() {
    #expect(Sparkline.levels([0, 5, 10]) == [0, 4, 7])
    #expect(Sparkline.levels([3, 3]) == [3, 3])
  }
}

@Suite struct KeyDecodingTests {
  @Test func controlCodesDecodeToNamedKeysAndCtrlLetters() {
    #expect(Key.fromCodePoint(0x01) == .ctrl("a"))
    #expect(Key.fromCodePoint(0x17) == .ctrl("w"))
    #expect(Key.fromCodePoint(0x09) == .tab)
    #expect(Key.fromCodePoint(0x0D) == .enter)
    #expect(Key.fromCodePoint(0x0A) == .enter)
    #expect(Key.fromCodePoint(0x7F) == .backspace)
    #expect(Key.fromCodePoint(0x1B) == .escape)
    #expect(Key.fromCodePoint(0x1C) == nil)
    #expect(Key.fromCodePoint(0x65E5) == .character("日"))
  }
}

@Suite struct ScrollingWidgetTests {
  @Test func pagerScrollStopsAtTheLastPage() {
    var pager = TextPager(text: (1...10).map { "line \($0)" }.joined(separator: "\n"))
    let terminal = VirtualTerminal(size: Size(width: 10, height: 4))
    pager.render(into: terminal, in: Rect(size: terminal.size))
    _ = pager.handle(.key(.pageDown))
    _ = pager.handle(.key(.pageDown))
    #expect(pager.scrollOffset == 6)
    _ = pager.handle(.key(.home))
    #expect(pager.scrollOffset == 0)
  }

  @Test func pagerJumpScrollsTheNextMatchIntoView() {
    var pager = TextPager(text: (1...20).map { $0 == 15 ? "needle" : "hay \($0)" }.joined(separator: "\n"))
    pager.query = "NEEDLE"
    let terminal = VirtualTerminal(size: Size(width: 10, height: 4))
    pager.render(into: terminal, in: Rect(size: terminal.size))
    pager.jumpToMatch()
    pager.render(into: terminal, in: Rect(size: terminal.size))
    terminal.present()
    #expect(pager.currentMatch == 0)
    #expect(terminal.snapshotText().contains("needle"))
  }

  @Test func listClampsCursorAndClickSelects() {
    var list = ListView(items: ["a", "b", "c"])
    let rect = Rect(x: 0, y: 2, width: 5, height: 3)
    let terminal = VirtualTerminal(size: Size(width: 5, height: 5))
    list.render(into: terminal, in: rect)
    _ = list.handle(.key(.end), in: rect)
    _ = list.handle(.key(.down), in: rect)
    #expect(list.selectedItem == "c")
    _ = list.handle(.mouse(MouseEvent(.leftClick, at: Point(x: 1, y: 3))), in: rect)
    #expect(list.selectedItem == "b")
  }
}
