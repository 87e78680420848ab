import Foundation
import Testing

@testable import PortalMedia

struct DirectoryWalkerTests {
  @Test func listsFilesSortedByRelativePathAndSkipsHiddenOnes() throws {
    let directory = try TemporaryDirectory()
    try directory.write("b/2.txt", text: "2")
    try directory.write("a-c.txt", text: "ac")
    try directory.write("a/1.txt", text: "one")
    try directory.write(".git/config", text: "x")
    try directory.write("a/.DS_Store", text: "x")
    let result = DirectoryWalker().walk([directory.path])
    #expect(result.entries.map(\.relativePath) == ["a-c.txt", "a/1.txt", "b/2.txt"])
    #expect(result.entries.allSatisfy { $0.root == directory.path })
    #expect(result.entries[1].size == 3)
    #expect(result.entries[1].mtimeNanos > 0)
    #expect(result.problems.isEmpty)
    let hidden = DirectoryWalker(options: .init(includeHidden: true)).walk([directory.path])
    #expect(hidden.entries.count == 5)
  }

  @Test func filesBesideSubdirectoriesStillComeInPathOrder() throws {
    // The walk reads a directory's files before its subdirectories, so here it meets
    // `b.txt` before `a/1.txt`; the result must still be in path order.
    let directory = try TemporaryDirectory()
    try directory.write("b.txt", text: "b")
    try directory.write("a/1.txt", text: "1")
    try directory.write("a/z/2.txt", text: "2")
    try directory.write("a/y.txt", text: "y")
    let result = DirectoryWalker().walk([directory.path])
    #expect(result.entries.map(\.relativePath) == ["a/1.txt", "a/y.txt", "a/z/2.txt", "b.txt"])
  }

  @Test func aStreamingWalkHandsOutTheSameFilesInTheSameOrderAsItGoes() throws {
    let directory = try TemporaryDirectory()
    for index in 0..<300 { try directory.write(String(format: "d%02d/f%03d.txt", index % 7, index), text: "x") }
    try directory.write("b.txt", text: "b")
    try directory.write("a.txt", text: "a")
    try directory.write("a/deep/er/1.txt", text: "1")
    try directory.link("d03/alias.txt", to: "f003.txt")
    try directory.link("dangling", to: directory.path + "/nowhere")
    var handed: [[FileEntry]] = []
    let problems = DirectoryWalker().walk(directory.path) { handed.append($0) }
    let whole = DirectoryWalker().walk([directory.path])
    #expect(handed.flatMap { $0 }.map(\.relativePath) == whole.entries.map(\.relativePath))
    #expect(handed.count > 7, "handed out as it goes, not all at the end: \(handed.count) calls")
    #expect(problems.map(\.path) == whole.problems.map(\.path))
  }

  @Test func aStreamingWalkGivesDirectoriesReachedThroughLinksLast() throws {
    let directory = try TemporaryDirectory()
    try directory.write("real/z.txt", text: "z")
    try directory.write("b.txt", text: "b")
    try directory.link("a-link", to: directory.path + "/real")
    var handed: [String] = []
    _ = DirectoryWalker().walk(directory.path) { handed += $0.map(\.relativePath) }
    // The linked directory is the real one already walked: skipped, as in a whole walk.
    #expect(handed == ["b.txt", "real/z.txt"])
    #expect(DirectoryWalker().walk([directory.path]).entries.map(\.relativePath) == handed)
  }

  @Test func aLargeDirectoryStatedOnSeveralThreadsWalksExactlyAsASmallOne() throws {
    let directory = try TemporaryDirectory()
    for index in 0..<700 { try directory.write(String(format: "big/f%04d.txt", index), text: String(index)) }
    try directory.write("big/sub/inner.txt", text: "x")
    try directory.link("big/dangling", to: directory.path + "/nowhere")
    try directory.link("big/alias.txt", to: "f0001.txt")
    let result = DirectoryWalker().walk([directory.path])
    let expected =
      ["big/alias.txt"] + (0..<700).map { String(format: "big/f%04d.txt", $0) } + ["big/sub/inner.txt"]
    #expect(result.entries.map(\.relativePath) == expected)
    #expect(result.entries[1].size == 1 && result.entries[700].size == 3)
    #expect(result.problems.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["dangling"])
  }

  @Test func acceptsASingleFileRootAndStandardisesPaths() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("sub/one.csv", text: "a,b\n")
    let result = DirectoryWalker().walk([directory.path + "/sub/../sub/./one.csv"])
    #expect(result.entries.map(\.path) == [path])
    #expect(result.entries.first?.root == directory.path + "/sub")
    #expect(result.entries.first?.relativePath == "one.csv")
  }

  @Test func followsLinksInsideTheRootButNotOutsideUnlessAsked() throws {
    let outside = try TemporaryDirectory()
    try outside.write("elsewhere.txt", text: "x")
    let directory = try TemporaryDirectory()
    try directory.write("data/real.txt", text: "x")
    try directory.link("inner.txt", to: "data/real.txt")
    try directory.link("escape.txt", to: outside.path + "/elsewhere.txt")
    try directory.link("escape-dir", to: outside.path)
    let result = DirectoryWalker().walk([directory.path])
    #expect(result.entries.map(\.relativePath) == ["data/real.txt", "inner.txt"])
    #expect(Set(result.problems.map(\.path)) == [directory.path + "/escape.txt", directory.path + "/escape-dir"])
    #expect(result.problems.allSatisfy { $0.reason == DirectoryWalker.outsideRootReason })
    let followed = DirectoryWalker(options: .init(followSymlinksOutsideRoot: true)).walk([directory.path])
    #expect(
      followed.entries.map(\.relativePath) == [
        "data/real.txt", "escape-dir/elsewhere.txt", "escape.txt", "inner.txt",
      ])
  }

  @Test func detectsSymlinkLoopsAndDanglingLinksAndGoesOn() throws {
    let directory = try TemporaryDirectory()
    try directory.write("a/file.txt", text: "x")
    try directory.link("a/loop", to: "..")
    try directory.link("self", to: "self")
    try directory.link("dangling", to: "nowhere")
    let result = DirectoryWalker().walk([directory.path])
    #expect(result.entries.map(\.relativePath) == ["a/file.txt"])
    let reasons = Dictionary(uniqueKeysWithValues: result.problems.map { ($0.path, $0.reason) })
    #expect(reasons[directory.path + "/a/loop"]?.hasPrefix("symbolic link loop") == true)
    #expect(reasons[directory.path + "/self"] == "symbolic link loop: the link resolves to itself")
    #expect(reasons[directory.path + "/dangling"] == "dangling symbolic link: its target does not exist")
  }

  @Test func aLinkedDirectoryReachableDirectlyIsWalkedOnceUnderItsRealPath() throws {
    let directory = try TemporaryDirectory()
    try directory.write("z-real/f.txt", text: "x")
    try directory.link("a-alias", to: "z-real")
    let result = DirectoryWalker().walk([directory.path])
    #expect(result.entries.map(\.relativePath) == ["z-real/f.txt"])
    #expect(result.problems.map(\.path) == [directory.path + "/a-alias"])
  }

  @Test func anUnreadableDirectoryIsOneProblemUnlessRunningAsRoot() throws {
    let directory = try TemporaryDirectory()
    try directory.write("open/ok.txt", text: "x")
    try directory.write("locked/hidden.txt", text: "x")
    chmod(directory.path + "/locked", 0)
    let result = DirectoryWalker().walk([directory.path])
    if geteuid() == 0 {
      // root reads through permissions (CI containers run tests as root).
      #expect(result.entries.map(\.relativePath) == ["locked/hidden.txt", "open/ok.txt"])
    } else {
      #expect(result.entries.map(\.relativePath) == ["open/ok.txt"])
      #expect(
        result.problems.map(\.reason) == ["permission denied: cannot read this directory (check its permissions)"])
    }
  }

  @Test func aFileNameThatIsNotUTF8IsReportedNotMangled() throws {
    let directory = try TemporaryDirectory()
    try directory.write("fine.txt", text: "x")
    // "bad\xFF.txt": a Latin-1 name from an old archive.
    let name = Array(directory.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8) + [0]
    let descriptor = name.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer { creat($0.baseAddress!, 0o644) }
    #expect(descriptor >= 0)
    close(descriptor)
    let result = DirectoryWalker().walk([directory.path])
    #expect(result.entries.map(\.relativePath) == ["fine.txt"])
    #expect(result.problems.map(\.reason) == ["a file name here is not valid UTF-8; rename it to import it"])
    unlink(name.map { CChar(bitPattern: $0) })
  }

  @Test func aMissingRootIsAProblem() throws {
    let directory = try TemporaryDirectory()
    let result = DirectoryWalker().walk([directory.path + "/missing"])
    #expect(result.entries.isEmpty)
    #expect(result.problems.map(\.reason) == ["dataset root does not exist"])
  }
}
