import Foundation
import PortalTesting
import Testing

/// The real `portal tui` in a real tmux: the preview pane pages through a text sample,
/// a clean queued from the form runs in the embedded worker and ends in a success toast,
/// and a sample full of escape sequences reaches the screen only as visible `␛` text.
@Suite(.serialized) struct TUIJobsTmuxTests {
  /// The TUI in one pane of its own tmux server, killed at the end.
  final class Tmux {
    let server = TmuxServer(prefix: "portal-tui-jobs")

    func start(_ command: String) throws { try server.start("tui", shellCommand: command) }

    func keys(_ keys: String...) throws { try server.send("tui", keys) }

    func screen(escapes: Bool = false) throws -> String { server.capture("tui", escapes: escapes) }

    /// Polls the pane until `condition` holds or `seconds` pass; returns the last screen.
    func wait(seconds: TimeInterval = 30, until condition: (String) -> Bool) throws -> String {
      server.waitFor("tui", timeout: seconds, condition)?.screen ?? server.capture("tui")
    }
  }

  @Test func previewPagingQueueingAndHostileBytesThroughTheRealBinary() throws {
    let directory = try TemporaryDirectory("tui-jobs-tmux")
    let home = directory.appending("catalog").path
    let data = directory.appending("hostile")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try Data("hello \u{1B}]0;pwned\u{07} title\nred \u{1B}[31mRED\u{1B}[0m reset \u{1B}[2J clear\n".utf8)
      .write(to: data.appendingPathComponent("hostile.txt"))
    let built = try Shell.run(PortalBinary.path, ["demo", "--dir", home, "--print"])
    try #require(built.status == 0, "\(built.stderr)")
    let imported = try PortalBinary.run(["import", data.path, "--name", "Hostile bytes", "--as", "amara"], home: home)
    try #require(imported.status == 0, "\(imported.stderr)")

    let tmux = Tmux()
    let command = "env PORTAL_HOME='\(home)' TERM=xterm-256color '\(PortalBinary.path)' tui --as amara"
    try tmux.start(command)
    var text = try tmux.wait { $0.contains("Hostile bytes") }
    try #require(text.contains("Hostile bytes"), "the TUI did not start:\n\(text)")

    // Rows by name: Archive, Hostile, Le Messager, Library, Millbrook…
    try tmux.keys("j", "Enter", "2")
    text = try tmux.wait { $0.contains("hostile.txt  #0") }
    #expect(text.contains("␛]0;pwned␇"), "\(text)")
    #expect(text.contains("␛[31mRED␛[0m"))
    let colours = try tmux.screen(escapes: true)
    let withoutSGR = colours.replacingOccurrences(of: "\u{1B}\\[[0-9;:]*m", with: "", options: .regularExpression)
    #expect(!withoutSGR.contains("\u{1B}"), "a raw ESC beyond the TUI's own SGR reached the screen")
    #expect(!colours.contains("pwned\u{07}"))

    try tmux.keys("Escape", "j", "j", "j", "Enter", "2")
    text = try tmux.wait { $0.contains("en-01-river-flood-defences.md  #0") && $0.contains("line 1 ·") }
    try #require(text.contains("line 1 ·"), "\(text)")
    try tmux.keys("Enter", "NPage")
    text = try tmux.wait { !$0.contains("line 1 ·") }
    #expect(!text.contains("line 1 ·"), "PgDn in the focused preview did not page:\n\(text)")
    #expect(text.contains("Samples 1/11"), "PgDn moved the list instead of the preview")

    try tmux.keys("Tab", "n")
    text = try tmux.wait { $0.contains("Queue a job on") }
    try #require(text.contains("[✓] normalize"), "\(text)")
    try tmux.keys("Enter")
    text = try tmux.wait(seconds: 60) { $0.contains("succeeded → version 2") }
    #expect(text.contains("clean of millbrook-ledger-articles-2019 succeeded → version 2"), "\(text)")

    try tmux.keys("Q")
    let stopped = try tmux.wait(seconds: 10) { !$0.contains("Partner Portal") }
    #expect(!stopped.contains("Partner Portal"), "the TUI did not quit (worker stop hangs?)")
  }
}
