import Foundation
import PortalTesting
import Testing

/// `portal import` publishes first and indexes sample text in a detached background
/// pass; `portal search` says so until the pass ends, then finds the text.
struct ContentIndexCommandLineTests {
  @Test func theBackgroundPassMakesImportedTextSearchableAndSearchSaysSoMeanwhile() throws {
    let catalog = try CLICatalog("cli-content-index")
    defer { catalog.remove() }
    // More records than an import indexes before returning, and a needle near the end.
    var lines = (0..<60_000).map { "{\"id\":\($0),\"text\":\"harbour log entry \($0)\"}" }
    lines.append("{\"id\":60000,\"text\":\"the albatross returned\"}")
    _ = try catalog.dir.write(lines.joined(separator: "\n") + "\n", to: "logs/log.jsonl")
    let imported = try catalog.ok(["import", catalog.dir.appending("logs").path, "--name", "Harbour logs"])
    #expect(imported.stdout.contains("sample text is being indexed in the background"))
    var notices: [String] = []
    let found = try QueueFixture.waitUntil(60) {
      let search = try catalog.ok(["search", "albatross"])
      if !search.stderr.isEmpty { notices.append(search.stderr) }
      return search.stdout.contains("[albatross]")
    }
    #expect(found, "the background pass never made the text searchable")
    // While it was pending, search said how far it had got (never that it was done).
    for notice in notices {
      #expect(notice.contains("content index: ") && notice.contains("% built"), "\(notice)")
    }
    #expect(try catalog.ok(["content-index", "--status"]).stdout.contains("complete"))
    #expect(try catalog.ok(["search", "albatross"]).stderr.isEmpty)
  }

  @Test func indexNowMakesTextSearchableBeforeTheImportReturns() throws {
    let catalog = try CLICatalog("cli-content-index-now")
    defer { catalog.remove() }
    _ = try catalog.dir.write("{\"text\":\"a quiet cormorant\"}\n", to: "birds/b.jsonl")
    let imported = try catalog.ok(["import", catalog.dir.appending("birds").path, "--name", "Birds", "--index-now"])
    #expect(!imported.stdout.contains("background"))
    let search = try catalog.ok(["search", "cormorant"])
    #expect(search.stdout.contains("[cormorant]"))
    #expect(search.stderr.isEmpty)
  }

  @Test func aSmallImportIsSearchableWhenItReturnsWithoutBeingAsked() throws {
    let catalog = try CLICatalog("cli-content-index-small")
    defer { catalog.remove() }
    _ = try catalog.dir.write("{\"text\":\"a lone puffin\"}\n", to: "birds/b.jsonl")
    let imported = try catalog.ok(["import", catalog.dir.appending("birds").path, "--name", "Birds"])
    #expect(!imported.stdout.contains("background"), "\(imported.stdout)")
    let search = try catalog.ok(["search", "puffin"])
    #expect(search.stdout.contains("[puffin]"))
    #expect(search.stderr.isEmpty, "\(search.stderr)")
  }

  @Test func anInterruptedPassIsFinishedByContentIndex() throws {
    let catalog = try CLICatalog("cli-content-index-resume")
    defer { catalog.remove() }
    _ = try catalog.dir.write("{\"text\":\"a grey heron\"}\n", to: "birds/b.jsonl")
    try catalog.ok(["import", catalog.dir.appending("birds").path, "--name", "Birds", "--index-now"])
    // As if the import's background pass had died at once: the backlog row is back.
    try catalog.sqlite3(
      """
      INSERT INTO sample_fts(sample_fts) VALUES ('delete-all'); INSERT INTO content_index_backlog (version_id, next_ordinal, sample_count, touched_at)
      SELECT id, 0, sample_count, '2000-01-01 00:00:00.000' FROM dataset_version;
      """)
    let status = try catalog.ok(["content-index", "--status"])
    #expect(status.stdout.contains("content index: 0% built (paused; run `portal content-index` to finish it)"))
    let run = try catalog.ok(["content-index"])
    #expect(run.stdout.contains("Content index complete: 1 samples indexed"))
    #expect(try catalog.ok(["search", "heron"]).stdout.contains("[heron]"))
  }
}
