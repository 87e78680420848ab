import Foundation
import TerminalKit
import Testing

/// Golden-file comparison for a presented `VirtualTerminal` frame, shared by every test
/// target that draws (TerminalKit's widgets, PortalTUI's screens).
///
/// Goldens live in `__snapshots__/<name>.txt` (a name may hold a subdirectory,
/// `preview/…`) at the root of the calling test target, found from the caller's
/// `#filePath`. `PORTAL_UPDATE_SNAPSHOTS=1` rewrites them on purpose; a missing golden
/// fails and says how to record it, so a forgotten golden can never make a test pass.
public func assertSnapshot(
  _ terminal: VirtualTerminal, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let target = testTargetRoot(of: filePath)
  let file = target.appendingPathComponent("__snapshots__").appendingPathComponent("\(name).txt")
  let actual = terminal.snapshot()
  if ProcessInfo.processInfo.environment["PORTAL_UPDATE_SNAPSHOTS"] == "1" {
    do {
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
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
      record it with: PORTAL_UPDATE_SNAPSHOTS=1 swift test --filter \(target.lastPathComponent), then review it by eye
      actual:
      \(actual)
      """, sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    Issue.record(
      """
      snapshot '\(name)' differs from \(file.path)
      \(lineDiff(expected: expected, actual: actual))
      if the change is intended, re-record with PORTAL_UPDATE_SNAPSHOTS=1 and review the golden by eye
      """, sourceLocation: sourceLocation)
  }
}

/// Renders with `draw` into a fresh terminal, presents, and compares with the golden `name`.
public func assertRendering(
  _ name: String, size: Size, depth: ColorDepth = .ansi256, glyphs: Glyphs = .unicode,
  filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation,
  _ draw: (VirtualTerminal) -> Void
) {
  let terminal = VirtualTerminal(size: size, colorDepth: depth, glyphs: glyphs)
  draw(terminal)
  terminal.present()
  assertSnapshot(terminal, named: name, filePath: filePath, sourceLocation: sourceLocation)
}

/// The test target's directory: the ancestor of `filePath` directly under `Tests/`.
private func testTargetRoot(of filePath: String) -> URL {
  var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
  while directory.deletingLastPathComponent().lastPathComponent != "Tests", directory.path != "/" {
    directory = directory.deletingLastPathComponent()
  }
  return directory
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
