import Foundation
import PortalTesting
import Testing

/// 24-bit colour reaches a real terminal when the user's terminal says it can draw it
/// (`COLORTERM=truecolor`), even though `TERM` names a 256-colour entry, as tmux's does.
@Suite(.serialized) struct TruecolorTmuxTests {
  private func run(colorterm: String, expectRGB: Bool) throws {
    let home = try TemporaryDirectory("e2e-truecolor")
    defer { home.remove() }
    let variables = [
      "TERM": "tmux-256color", "COLORTERM": colorterm, "NO_COLOR": "", "HOME": home.path,
      "XDG_CONFIG_HOME": home.appending("config").path, "LANG": "C.UTF-8",
    ]
    let demoDir = home.appending("demo").path
    // Solarized names its colours in #rrggbb, so its frame shows which depth was drawn.
    let tmux = try Tmux(
      command: "\(PortalBinary.path) demo --no-tour --no-worker --theme solarized-dark --dir \(demoDir)",
      environment: variables)
    tmux.waitFor(text: "/9", timeout: 60)
    let pane = tmux.captureWithEscapes()
    // tmux writes a cell's 24-bit colour back as 38;2;R;G;B (48;2 for backgrounds).
    let hasRGB = pane.contains("[38;2;") || pane.contains(";38;2;") || pane.contains("48;2;")
    #expect(hasRGB == expectRGB, "\(pane.prefix(2_000).debugDescription)")
    try tmux.send("Q")
    tmux.waitFor(text: "PORTAL-EXITED-0")
  }

  @Test func colortermTruecolorDrawsTheThemesExactColours() throws {
    try run(colorterm: "truecolor", expectRGB: true)
  }

  @Test func withoutColortermColoursStayWithin256() throws {
    try run(colorterm: "", expectRGB: false)
  }
}
