import Foundation
import Portal
import PortalCore
import TerminalKit
import TerminalKitTesting
import Testing

@testable import PortalTUI

/// A clock the tests move by hand, so autoplay is tested without waiting.
private final class ManualClock {
  var now = Date(timeIntervalSince1970: 1_700_000_000)
  func advance(_ seconds: TimeInterval) { now = now.addingTimeInterval(seconds) }
}

@Suite(.serialized) struct TourTests {
  private func app(
    as login: String? = nil, size: Size = Size(width: 120, height: 40), mode: Tour.Mode = .manual,
    clock: ManualClock? = nil
  ) throws -> (App, VirtualTerminal, Tour) {
    let demo = try DemoFixture.get()
    let session =
      try login.map { try PortalSession.open(location: demo.location, identity: .demo(login: $0)) } ?? demo.owner
    let (app, terminal) = TUIHarness.app(session: session, size: size)
    let tour = Tour(
      steps: TourScript.standard(role: session.actor.role), mode: mode, dwell: 1,
      clock: clock.map { clock in { clock.now } } ?? Date.init)
    app.startTour(tour)
    app.settle()
    return (app, terminal, tour)
  }

  private func press(_ app: App, _ terminal: VirtualTerminal, _ keys: [Key]) {
    TUIHarness.type(app, terminal, keys.map { .key($0) })
  }

  // MARK: - Rendering

  @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func theFirstStepShowsItsBoxCounterAndHintsAndMarksTheTable(size: Size) throws {
    let (_, terminal, _) = try app(size: size)
    let text = terminal.snapshotText()
    #expect(text.contains("Tour: Welcome to Partner Portal"))
    #expect(text.contains("step 1/14"))
    #expect(text.contains("Tab do it for me"))
    assertSnapshot(terminal, named: "tour/welcome_\(size.width)x\(size.height)")
  }

  @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
  func aTabStepPointsAtTheTabItTalksAbout(size: Size) throws {
    let (app, terminal, tour) = try app(size: size)
    while tour.current.id != "access" { press(app, terminal, [.tab]) }
    let text = terminal.snapshotText()
    #expect(text.contains("Tour: Who has access"))
    #expect(text.contains("→Access←"))
    assertSnapshot(terminal, named: "tour/access_\(size.width)x\(size.height)")
  }

  // MARK: - The presenter does the steps

  @Test func thePresentersOwnKeysCompleteEveryStep() throws {
    let (app, terminal, tour) = try app()
    func expectStep(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) {
      #expect(tour.current.id == id, sourceLocation: sourceLocation)
    }
    expectStep("welcome")
    press(app, terminal, [.character("j")])
    expectStep("role")
    press(app, terminal, [.enter])  // an explaining step: Enter moves on
    expectStep("search")
    press(app, terminal, [.character("/")])
    expectStep("search")  // not done until the text is there
    TUIHarness.type(app, terminal, InputEvent.typing("Ledger articles"))
    expectStep("open")
    press(app, terminal, [.enter, .enter])  // close the field, open the row
    expectStep("samples")
    press(app, terminal, [.character("2")])
    expectStep("sample-preview")
    press(app, terminal, [.character("j")])
    expectStep("access")
    press(app, terminal, [.character("3")])
    expectStep("audit")
    press(app, terminal, [.character("6")])
    expectStep("back")
    press(app, terminal, [.character("q")])
    expectStep("image-search")
    press(app, terminal, [.character("F"), .character("/")])
    TUIHarness.type(app, terminal, InputEvent.typing("illustration"))
    expectStep("image-sample")
    press(app, terminal, [.enter, .enter, .character("2")])
    expectStep("help")
    press(app, terminal, [.character("?")])
    expectStep("palette")
    press(app, terminal, [.escape, .character(":")])
    expectStep("end")
    #expect(app.overlay is PaletteOverlay)
  }

  @Test func stepsAreNotDoneByTheWrongThing() throws {
    let (app, terminal, tour) = try app()
    press(app, terminal, [.character("j"), .enter, .character("/")])
    TUIHarness.type(app, terminal, InputEvent.typing("oral"))
    #expect(tour.current.id == "search")
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.query.text == "oral")
  }

  // MARK: - Tab does the step, through the registry

  @Test func tabDoesEachStepWithTheSameActionsAUserWouldAndTheLastClosesTheTour() throws {
    let (app, terminal, tour) = try app()
    var seen: [String] = []
    while let current = app.tour?.current, seen.count < 20 {
      seen.append(current.id)
      // The palette takes Tab while it is open (it takes text); Esc closes it first.
      if app.overlay?.capturesText == true {
        #expect(current.id == "end")
        press(app, terminal, [.escape])
        #expect(app.tour != nil)
      }
      press(app, terminal, [.tab])
      if app.tour != nil { #expect(tour.index == seen.count, "Tab did not finish step '\(current.id)'") }
    }
    #expect(seen == TourScript.standard(role: .owner).map(\.id))
    #expect(app.tour == nil)
    // What the steps did is real app state: the image dataset is open on its samples.
    let screen = try #require(app.topScreen as? DatasetScreen)
    #expect(screen.summary.dataset.modality == .image)
    #expect(screen.tab == .samples)
  }

  @Test func tabSkipsActionsTheRegistryDoesNotHaveOrThatDoNotApplyHere() throws {
    let demo = try DemoFixture.get()
    let (app, terminal) = TUIHarness.app(session: demo.owner, size: Size(width: 100, height: 30))
    let step = TourStep(
      id: "odd", title: "Odd", text: ["x"], target: .none, isDone: { _ in false },
      perform: [.action(ActionID("no.such.action")), .action(.nextTab), .action(.down)])
    app.startTour(Tour(steps: [step]))
    press(app, terminal, [.tab])
    let screen = try #require(app.topScreen as? DatasetsScreen)
    #expect(screen.table.cursor == 1)  // cursor.down applies on the list and ran
    #expect(app.visibleToasts.isEmpty)  // the others were never attempted
    #expect(app.tour?.current.id == "odd")
  }

  // MARK: - Closing and reopening

  @Test func escClosesTheTourButGoesToAFocusedFieldFirstAndTheTourCommandReopensIt() throws {
    let (app, terminal, tour) = try app()
    press(app, terminal, [.character("/")])
    press(app, terminal, [.escape])
    #expect(app.tour === tour)  // Esc closed the search field
    press(app, terminal, [.escape])
    #expect(app.tour == nil)
    #expect(app.isRunning)
    #expect(!terminal.snapshotText().contains("Tour:"))
    press(app, terminal, [.character(":")])
    TUIHarness.type(app, terminal, InputEvent.typing("guided tour"))
    press(app, terminal, [.enter])
    #expect(app.tour?.index == 0)
    #expect(terminal.snapshotText().contains("Tour: Welcome to Partner Portal"))
  }

  // MARK: - Autoplay

  @Test func autoplayDoesEachStepAfterTheDwellLoopsBackAndAKeyHandsOver() throws {
    let clock = ManualClock()
    let (app, terminal, tour) = try app(mode: .autoplay, clock: clock)
    #expect(tour.tick(app: app) == false)  // not before the dwell
    var steps = 0
    while tour.loops == 0, steps < 100 {
      clock.advance(1.01)
      _ = tour.tick(app: app)
      app.settle()
      steps += 1
    }
    #expect(tour.loops == 1)
    #expect(tour.index == 0)
    #expect(app.screens.count == 1)
    #expect(app.overlay == nil)
    let home = try #require(app.topScreen as? DatasetsScreen)
    #expect(home.query.text == nil)
    #expect(terminal.snapshotText().contains("autoplay"))
    press(app, terminal, [.character("j")])
    #expect(tour.mode == .manual)
    #expect(home.table.cursor == 0)  // the key that took over did nothing else
    clock.advance(10)
    #expect(tour.tick(app: app) == false)
  }

  // MARK: - A reviewer

  @Test func aReviewerIsToldWhatTheyCannotDoAndCanFollowEveryStep() throws {
    let (app, terminal, tour) = try app(as: "leila")
    #expect(app.session.actor.role == .reviewer)
    press(app, terminal, [.character("j")])
    let text = terminal.snapshotText()
    #expect(text.contains("You are a reviewer"))
    #expect(text.contains("not edit, publish, grant access"))
    var presses = 0
    while app.tour != nil, tour.index < tour.steps.count - 1, presses < 20 {
      presses += 1
      let before = tour.index
      press(app, terminal, [.tab])
      #expect(tour.index == before + 1, "reviewer could not do '\(tour.steps[before].id)'")
    }
  }
}
