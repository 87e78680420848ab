import ArgumentParser
import Foundation
import Portal

/// `portal content-index`: finishes the search index of sample text that imports leave
/// to a background pass (the import starts one; this runs it in the foreground).
struct ContentIndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "content-index",
    abstract: "Finish indexing imported sample text for search, or show how far it has got.",
    discussion: """
      `portal import` publishes a dataset as soon as its files are read and hashed, then
      indexes the text of its samples for `portal search` in the background. Dataset names,
      descriptions and tags are searchable at once. Run this to finish an index whose
      background pass was interrupted; several passes at once are safe.
      """)

  @OptionGroup var global: GlobalOptions
  @Flag(help: "Only show how far the index has got.") var status = false
  @Flag(help: "Print nothing (the import's background pass).") var quiet = false
  @Flag(help: "Print the status as JSON.") var json = false

  func run() throws {
    let session = try global.session()
    if !status {
      // After a bulk import its pages are still in the WAL: copy them now, so the next
      // command to commit does not wait for the copy (a checkpoint in progress here
      // makes theirs skip).
      session.foldBackWriteAheadLog(truncating: false)
      let started = Date()
      let progress = ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1)
      let covered = try session.buildContentIndex(progress: { status in
        progress.show("content index: \(status.percent)% built")
      })
      progress.clear()
      // The pass runs after a bulk import, which leaves its pages in the WAL: give
      // that disk space back once the index is built.
      if covered > 0 { session.foldBackWriteAheadLog() }
      if !quiet && !json {
        print(
          "Content index complete: \(covered) samples indexed in \(String(format: "%.1f", Date().timeIntervalSince(started)))s."
        )
      }
    }
    guard !quiet else { return }
    let current = try session.contentIndexStatus()
    if json {
      print(JSONText.pretty(current))
    } else if status {
      print(current.notice() ?? "content index: complete — every sample's text is searchable")
    }
  }
}
