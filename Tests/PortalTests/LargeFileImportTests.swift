import Foundation
import GRDB
import PortalCore
import PortalStore
import PortalTesting
import Testing

@testable import Portal

/// Files of 16 MB or more are streamed, one at a time or (with a core to spare) two at a
/// time, one written as it is read and the next read ahead into bounded memory: sample
/// numbers must still follow path order, every record must be there once, and each file
/// must carry its own hash.
struct LargeFileImportTests {
  @Test(arguments: [true, false])
  func largeFilesStreamedKeepPathOrderCountsAndHashes(readAhead: Bool) throws {
    let test = try TestCatalog("large-files")
    defer { test.remove() }
    let data = try test.dataDirectory("large")
    defer { data.remove() }
    // a: read ahead in full while… nothing (it goes first, streamed); b: more records
    // than a read-ahead may hold, so it is streamed on its own turn; c: few long records,
    // read ahead while b streams.
    let padding = String(repeating: "x", count: 200)
    let a = (0..<100_000).map { "{\"text\":\"a \($0) \(padding)\"}" }
    let b = (0..<150_000).map { "{\"text\":\"b \($0) \(padding.prefix(120))\"}" }
    let c = (0..<1_000).map { "{\"text\":\"c \($0) \(String(repeating: "y", count: 17_000))\"}" }
    for (name, lines) in [("a", a), ("b", b), ("c", c)] {
      _ = try data.write(lines.joined(separator: "\n") + "\n", to: "big/\(name).jsonl")
      #expect(
        (try FileManager.default.attributesOfItem(atPath: data.appending("big/\(name).jsonl").path)[.size] as? Int ?? 0)
          >= 16 << 20)
    }
    var request = ImportRequest(paths: [data.appending("big").path], name: "Big", contentIndex: .background)
    request.readAheadOverride = readAhead
    let report = try test.owner.importDataset(request)
    #expect(report.samples == 251_000)
    #expect(report.problems.isEmpty)
    #expect(report.filesAdded == 3)
    for (ordinal, excerpt) in [
      (0, "a 0 "), (99_999, "a 99999 "), (100_000, "b 0 "), (249_999, "b 149999 "), (250_000, "c 0 "),
      (250_999, "c 999 "),
    ] {
      let row = try #require(try test.owner.samples(of: "big", from: ordinal, limit: 1).first)
      #expect(row.sample.ordinal == ordinal)
      #expect(row.sample.excerpt?.hasPrefix(excerpt) == true, "\(ordinal): \(row.sample.excerpt ?? "")")
    }
    let catalog = try test.catalog()
    let files = try catalog.read { db in
      try Row.fetchAll(db, sql: "SELECT relative_path, sha256 FROM source_file ORDER BY relative_path").map {
        (path: $0["relative_path"] as String, sha256: $0["sha256"] as String)
      }
    }
    #expect(files.map(\.path) == ["a.jsonl", "b.jsonl", "c.jsonl"])
    for file in files {
      #expect(file.sha256 == (try Shell.sha256sum(data.appending("big/\(file.path)").path)))
    }
    let perFile = try catalog.read { db in
      try Int.fetchAll(
        db, sql: "SELECT count(*) FROM sample GROUP BY file_id ORDER BY min(ordinal)")
    }
    #expect(perFile == [100_000, 150_000, 1_000])
    // The totals the importer counted as it wrote are the samples' own.
    let totals = try catalog.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT v.sample_count = (SELECT count(*) FROM sample) AS samples,
                 v.total_bytes = (SELECT sum(byte_length) FROM sample) AS bytes
          FROM dataset_version v
          """
      ).map { [$0["samples"] as Bool, $0["bytes"] as Bool] }
    }
    #expect(totals == [true, true])
    #expect(try catalog.integrityCheck() == "ok")
  }
}
