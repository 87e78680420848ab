import Foundation
import Testing

@testable import PortalMedia

/// Files opened relative to a kept-open directory must be the same files, with the
/// same results and problems, as files opened by their full paths.
struct OpenDirectoriesTests {
  @Test func analysingThroughKeptDirectoriesMatchesFullPaths() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a/one.txt", text: "first file")
    try directory.write("b/two.jsonl", text: "{\"text\":\"x\"}\n{\"text\":\"y\"}\n")
    try directory.write("a/three.csv", text: "h1,h2\n1,2\n")
    try directory.write("top.txt", text: "at the root")
    let entries = DirectoryWalker().walk([directory.path]).entries
    // Alternate directories so the kept one is swapped back and forth.
    let order = [entries[0], entries[2], entries[1], entries[3], entries[0]]
    let directories = OpenDirectories()
    defer { directories.release() }
    for entry in order {
      var kept: [AnalyzedSample] = []
      var byPath: [AnalyzedSample] = []
      let viaDirectory = try FileAnalyzer().analyze(entry, directories: directories) { kept.append($0) }
      let viaPath = try FileAnalyzer().analyze(entry) { byPath.append($0) }
      #expect(viaDirectory.sha256 == viaPath.sha256 && viaDirectory.sha256 != nil, "\(entry.relativePath)")
      #expect(kept.map(\.excerpt) == byPath.map(\.excerpt))
      #expect(viaDirectory.problems.isEmpty)
    }
  }

  @Test func aVanishedDirectoryIsReportedAsTheFileVanishing() throws {
    let directory = try TemporaryDirectory()
    try directory.write("gone/file.txt", text: "soon gone")
    let entry = try #require(DirectoryWalker().walk([directory.path]).entries.first)
    try FileManager.default.removeItem(atPath: directory.path + "/gone")
    let file = try FileAnalyzer().analyze(entry, directories: OpenDirectories()) { _ in }
    #expect(file.problems.map(\.reason).first?.contains("vanished") == true)
  }

  @Test func bytePrecedesIsUTF8ByteOrder() {
    var generator = SeededGenerator(state: 5)
    let alphabet = ["a", "b", "A", "/", ".", "-", "é", "e\u{301}", "日", "😀", ""]
    for _ in 0..<3_000 {
      let make = { (g: inout SeededGenerator) in
        (0..<Int.random(in: 0...4, using: &g)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
          .joined()
      }
      let lhs = make(&generator)
      let rhs = make(&generator)
      #expect(POSIX.bytePrecedes(lhs, rhs) == lhs.utf8.lexicographicallyPrecedes(rhs.utf8), "\(lhs) \(rhs)")
    }
  }
}
