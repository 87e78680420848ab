import Foundation
import Testing

/// The front ends can only reach the catalog through `Portal`, so they cannot skip an
/// access check or an audit event: their sources import neither PortalStore nor GRDB.
struct LayeringTests {
  @Test func frontEndsDoNotImportTheStoreOrGRDB() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    var scanned = 0
    for frontEnd in ["Sources/PortalTUI", "Sources/portal"] {
      let directory = root.appendingPathComponent(frontEnd)
      let files =
        FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?
        .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
      #expect(!files.isEmpty, "no sources found in \(frontEnd)")
      for file in files {
        scanned += 1
        let text = try String(contentsOf: file, encoding: .utf8)
        for line in text.split(separator: "\n") {
          let words = line.split(separator: " ").map(String.init)
          let imported = words.firstIndex(of: "import").map { words.indices.contains($0 + 1) ? words[$0 + 1] : "" }
          #expect(imported != "PortalStore" && imported != "GRDB", "\(file.lastPathComponent): \(line)")
          #expect(!line.contains("sqlite3_open"), "\(file.lastPathComponent) opens SQLite itself")
        }
      }
    }
    #expect(scanned > 10)
  }
}
