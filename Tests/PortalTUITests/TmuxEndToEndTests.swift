import Foundation
import PortalTesting
import Testing

/// The real `portal` binary in tmux, on several terminal types: start, search, open,
/// switch tabs, help, palette, theme, resize, quit with the terminal restored.
@Suite(.serialized) struct TmuxEndToEndTests {
  struct Environment: Sendable, CustomStringConvertible {
    var name: String
    var variables: [String: String]
    var description: String { name }
  }

  static let environments: [Environment] = [
    Environment(name: "xterm-256color", variables: ["TERM": "xterm-256color"]),
    Environment(name: "vt100", variables: ["TERM": "vt100"]),
    Environment(name: "linux", variables: ["TERM": "linux"]),
    Environment(name: "screen-256color", variables: ["TERM": "screen-256color"]),
    Environment(name: "NO_COLOR", variables: ["TERM": "xterm-256color", "NO_COLOR": "1"]),
    Environment(name: "unknown TERM", variables: ["TERM": "no-such-terminal-xyz"]),
  ]

  @Test(arguments: environments)
  func theDemoWorksEndToEnd(_ environment: Environment) throws {
    let home = try TemporaryDirectory("e2e-home")
    defer { home.remove() }
    var variables = environment.variables
    variables["HOME"] = home.path
    variables["XDG_CONFIG_HOME"] = home.appending("config").path
    variables["LANG"] = "C.UTF-8"
    if environment.variables["NO_COLOR"] == nil { variables["NO_COLOR"] = "" }
    let demoDir = home.appending("demo").path
    let tmux = try Tmux(command: "\(PortalBinary.path) demo --no-tour --dir \(demoDir)", environment: variables)
    tmux.waitFor(text: "/9", timeout: 60)
    if environment.name == "unknown TERM" { tmux.waitFor(text: "is unknown here") }
    let pane = tmux.capture()
    #expect(pane.contains("(owner)"))
    #expect(pane.contains("demo"))

    try tmux.send("/")
    try tmux.type("oral")
    tmux.waitFor(text: "1/1")
    try tmux.send("Enter")
    try tmux.send("Enter")
    tmux.waitFor(text: "Use rights")
    try tmux.send("2")
    tmux.waitFor(text: "oral-history-01-mill-worker.wav")
    try tmux.send("Tab")
    tmux.waitFor(text: "Principal")
    try tmux.send("?")
    // The help lists every action; which ones fit on screen depends on how many exist.
    tmux.waitFor(text: "Help — q or Esc closes")
    try tmux.send("Escape")
    tmux.waitFor("help closed") { !$0.contains("Help — q or Esc closes") }
    try tmux.send(":")
    try tmux.type("theme light")
    tmux.waitFor(text: "theme light")
    try tmux.send("Enter")
    tmux.waitFor(text: "theme light")
    try tmux.resize(width: 40, height: 12)
    tmux.waitFor("the narrow layout") { pane in
      pane.split(separator: "\n").allSatisfy { $0.count <= 40 } && pane.contains("Partner")
    }
    try tmux.resize(width: 120, height: 40)
    tmux.waitFor(text: "Principal")
    try tmux.send("Q")
    tmux.waitFor(text: "PORTAL-EXITED-0")
    // The normal screen is back: where terminfo has an alternate screen, the TUI is gone
    // from view (vt100 and the Linux console have none, so its last frame stays).
    if !["vt100", "linux"].contains(environment.name) {
      #expect(!tmux.capture().contains("Partner Portal ›"))
    }
  }

  @Test func anotherProcessesImportAppearsWithoutAKeyPress() throws {
    let home = try TemporaryDirectory("e2e-live")
    defer { home.remove() }
    let catalog = home.appending("catalog").path
    let environment = PortalBinary.environment(home: catalog, extra: ["HOME": home.path, "XDG_CONFIG_HOME": home.path])
    let initResult = try Shell.run(
      PortalBinary.path, ["init", "--organisation", "Live test"], environment: environment)
    #expect(initResult.status == 0, "\(initResult.stderr)")
    let tree = try SampleTree.write(into: home)
    try PortalBinary.run(
      ["import", tree.path, "--name", "Zulu set"], home: catalog, extraEnvironment: ["HOME": home.path])
    var variables = ["TERM": "xterm-256color", "PORTAL_HOME": catalog, "HOME": home.path, "XDG_CONFIG_HOME": home.path]
    variables["LANG"] = "C.UTF-8"
    let tmux = try Tmux(command: PortalBinary.path, environment: variables)
    tmux.waitFor(text: "Zulu set")
    tmux.waitFor(text: "1/1")
    let second = try TemporaryDirectory("e2e-live-second")
    defer { second.remove() }
    let tree2 = try SampleTree.write(into: second)
    let result = try PortalBinary.run(
      ["import", tree2.path, "--name", "Alpha set"], home: catalog, extraEnvironment: ["HOME": home.path])
    #expect(result.status == 0, "\(result.stderr)")
    tmux.waitFor(text: "Alpha set", timeout: 3)
    // The cursor stayed on Zulu, now the second row.
    tmux.waitFor(text: "2/2", timeout: 3)
    try tmux.send("Q")
    tmux.waitFor(text: "PORTAL-EXITED-0")
  }

  @Test func withoutACatalogPortalExplainsWithoutOpeningCurses() throws {
    let home = try TemporaryDirectory("e2e-none")
    defer { home.remove() }
    let result = try PortalBinary.run([], home: home.appending("nothing-here").path)
    #expect(result.status != 0)
    #expect(result.stderr.contains("portal demo"))
    #expect(!result.stdout.contains("\u{1B}["))
  }
}
