import Foundation
import PortalTesting
import Testing

/// `portal demo` on a real terminal (tmux): the guided tour, autoplay, `--as` and `--record`.
@Suite(.serialized) struct DemoTourTests {
  static let stepCount = 14

  private func demoCommand(_ directory: TemporaryDirectory, _ arguments: [String]) -> String {
    let environment = ["TERM=xterm-256color", "LANG=C.UTF-8", "PORTAL_HOME=" + directory.appending("home").path]
    return "env " + environment.map(shellQuoted).joined(separator: " ") + " " + shellQuoted(PortalBinary.path)
      + " demo --dir " + shellQuoted(directory.appending("demo").path) + " "
      + arguments.map(shellQuoted).joined(separator: " ")
  }

  private static func steps(on screen: String) -> Set<Int> {
    Set(
      screen.split(separator: "\n").compactMap { line -> Int? in
        guard let range = line.range(of: #"step \d+/"#, options: .regularExpression) else { return nil }
        return Int(line[range].dropFirst(5).dropLast())
      })
  }

  @Test func autoplayRunsEveryStepLoopsBackAndAKeyHandsControlBackAndTheCastIsValid() throws {
    let directory = try TemporaryDirectory("demo-tour")
    defer { directory.remove() }
    let cast = directory.appending("demo.cast").path
    let tmux = try TmuxSession(
      width: 120, height: 40,
      // Two seconds a step: under a loaded CI machine a shorter step can finish between
      // two looks at the pane.
      command: demoCommand(directory, ["--autoplay", "--step-seconds", "2", "--record", cast]))
    defer { tmux.kill() }

    var seen: Set<Int> = []
    var loopedBack = false
    let finished = tmux.waitFor(120) { screen in
      #expect(!screen.contains("portal-exit="), "portal ended during autoplay:\n\(screen)")
      if screen.contains("portal-exit=") { return true }
      let now = Self.steps(on: screen)
      if seen.contains(Self.stepCount), now.contains(1) { loopedBack = true }
      seen.formUnion(now)
      return loopedBack
    }
    #expect(finished != nil, "autoplay did not loop; steps seen: \(seen.sorted())")
    #expect(seen == Set(1...Self.stepCount))
    #expect(loopedBack)

    try tmux.send("j")
    let manual = tmux.waitFor(10) { $0.contains("Tab do it for me") || $0.contains("Tab/Enter next") }
    #expect(manual != nil, "a key did not hand control back:\n\(tmux.capture())")
    let step = manual.map(Self.steps(on:)) ?? []
    #expect(tmux.waitFor(2) { Self.steps(on: $0) != step } == nil, "the tour moved on after handing over")

    try tmux.send("Q")
    let ended = tmux.waitFor(20) { $0.contains("portal-exit=") }
    #expect(ended?.contains("portal-exit=0") == true, "portal did not quit cleanly:\n\(ended ?? tmux.capture())")
    #expect(ended?.contains("The demo catalog stays at") == true)

    // ncurses sends only changed cells, so only the first frame's text is contiguous in the cast.
    try CastCheck.validate(
      cast, width: 120, height: 40, contains: ["Tour: Welcome to Partner Portal", "Partner Portal › Datasets"])
  }

  @Test func actingAsAReviewerOpensTheTourAsThatReviewer() throws {
    let directory = try TemporaryDirectory("demo-tour-as")
    defer { directory.remove() }
    let tmux = try TmuxSession(width: 100, height: 30, command: demoCommand(directory, ["--as", "leila"]))
    defer { tmux.kill() }
    let opened = tmux.waitFor(60) { $0.contains("leila (reviewer)") && $0.contains("Tour: Welcome") }
    #expect(opened != nil, "the demo did not open as leila:\n\(tmux.capture())")
    try tmux.send("Tab")
    let role = tmux.waitFor(10) { $0.contains("Tour: You are a reviewer") }
    #expect(role?.contains("not edit, publish") == true, "\(role ?? tmux.capture())")
    try tmux.send("Escape")
    #expect(tmux.waitFor(10) { !$0.contains("Tour:") } != nil)
    try tmux.send("Q")
    #expect(tmux.waitFor(20) { $0.contains("portal-exit=0") } != nil)
  }

  @Test func badWalkthroughFlagsAreRefusedWithAReason() throws {
    let directory = try TemporaryDirectory("demo-tour-flags")
    defer { directory.remove() }
    let home = directory.appending("home").path
    let slow = try PortalBinary.run(["demo", "--autoplay", "--step-seconds", "0"], home: home)
    #expect(slow.status != 0)
    #expect(slow.stderr.contains("--step-seconds takes a number of seconds"))
    let printed = try PortalBinary.run(["demo", "--print", "--record", directory.appending("x.cast").path], home: home)
    #expect(printed.status != 0)
    #expect(printed.stderr.contains("leave out --autoplay and --record"))
  }
}

/// Checks a cast with the asciinema 2.4 Python package `make pydeps` installs.
enum CastCheck {
  static var python: String {
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return package.appendingPathComponent(".build/venv/bin/python").path
  }

  static let script = """
    import sys, asciinema.asciicast as asciicast
    path, width, height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    wanted = sys.argv[4:]
    with asciicast.open_from_url(path) as cast:
        header = cast.v2_header
        assert header["version"] == 2, header
        assert (header["width"], header["height"]) == (width, height), header
        assert isinstance(header["timestamp"], int), header
        assert header["env"]["TERM"], header
        last, count, output = 0.0, 0, []
        for time, kind, data in cast.events():
            assert time >= last, (time, last)
            assert kind in ("o", "r"), kind
            last, count = time, count + 1
            if kind == "o":
                output.append(data)
        text = "".join(output)
        for phrase in wanted:
            assert phrase in text, "missing: " + phrase
    print("events", count, "seconds", last)
    """

  static func validate(_ path: String, width: Int, height: Int, contains: [String]) throws {
    let result = try Shell.run(python, ["-c", script, path, "\(width)", "\(height)"] + contains)
    #expect(result.status == 0, "the cast is not valid asciinema v2: \(result.stderr)")
    #expect(result.stdout.hasPrefix("events"))
    let player = try Shell.run(python, ["-m", "asciinema", "cat", path])
    #expect(player.status == 0, "asciinema cat refused the cast: \(player.stderr)")
  }
}
