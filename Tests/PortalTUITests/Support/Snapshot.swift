import Foundation
import TerminalKit
import Testing

/// Golden-file comparison for a presented `VirtualTerminal` frame.
///
/// Goldens live in `__snapshots__/<name>.txt` (a name may hold a subdirectory, `preview/…`) next to this test target (found from `#filePath`).
/// `PORTAL_UPDATE_SNAPSHOTS=1` rewrites them on purpose; a missing golden fails and says how to
/// record it, so a forgotten golden can never make a test pass silently.
func assertSnapshot(
  _ terminal: VirtualTerminal, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = snapshotDirectory()
  let file = directory.appendingPathComponent("\(name).txt")
  let actual = terminal.snapshot()
  if ProcessInfo.processInfo.environment["PORTAL_UPDATE_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot write golden \(file.path): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      """
      missing golden \(file.path)
      record it with: PORTAL_UPDATE_SNAPSHOTS=1 swift test --filter PortalTUITests, then review it by eye
      actual:
      \(actual)
      """, sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    let diff = lineDiff(expected: expected, actual: actual)
    Issue.record(
      """
      snapshot '\(name)' differs from \(file.path)
      \(diff)
      if the change is intended, re-record with PORTAL_UPDATE_SNAPSHOTS=1 and review the golden by eye
      """, sourceLocation: sourceLocation)
  }
}

private func snapshotDirectory(helperPath: String = #filePath) -> URL {
  // This file is in Support/; the goldens are at the test target's root.
  URL(fileURLWithPath: helperPath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("__snapshots__")
}

/// Lines that differ, as `-expected` / `+actual` pairs with their line numbers.
private func lineDiff(expected: String, actual: String) -> String {
  let old = expected.components(separatedBy: "\n")
  let new = actual.components(separatedBy: "\n")
  var out: [String] = []
  for index in 0..<max(old.count, new.count) {
    let a = index < old.count ? old[index] : "<none>"
    let b = index < new.count ? new[index] : "<none>"
    if a != b { out.append("line \(index + 1):\n-\(a)\n+\(b)") }
  }
  return out.joined(separator: "\n")
}

/// Renders with `draw` into a fresh terminal, presents, and compares with the golden `name`.
func assertRendering(
  _ name: String, size: Size, depth: ColorDepth = .ansi256, glyphs: Glyphs = .unicode,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ draw: (VirtualTerminal) -> Void
) {
  let terminal = VirtualTerminal(size: size, colorDepth: depth, glyphs: glyphs)
  draw(terminal)
  terminal.present()
  assertSnapshot(terminal, named: name, sourceLocation: sourceLocation)
}
