import ArgumentParser
import Foundation
import Portal
import PortalCore

#if canImport(Glibc)
  import Glibc
#endif

/// `portal export DATASET --to DIR`: writes a self-describing delivery bundle.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write a delivery bundle: data, croissant.json, dataset card, access policy, provenance, SHA256SUMS.",
    discussion: """
      A private dataset is exported under the partner's private terms (access-policy.json
      lists the use rights and grants). A public or public-pending dataset is exported as a
      public bundle, which needs its publication checklist to pass for the exported version;
      --private-terms exports it under private terms instead. The bundle is written to a
      temporary sibling of DIR and moved into place at the end; a non-empty DIR is refused
      unless --force, which only replaces a previous bundle. Check it with:
        cd DIR && sha256sum -c SHA256SUMS
      """)

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Option(name: .long, help: "The directory to create the bundle in.") var to: String
  @Option(name: .long, help: "The version to export (default: the current one).") var version: Int?
  @Option(name: .long, help: "original (files as imported), jsonl, or parquet-compatible-jsonl.")
  var format: ExportFormat = .original
  @Flag(name: .long, help: "Export a public or public-pending dataset under the partner's private terms.")
  var privateTerms = false
  @Flag(name: .long, help: "Replace the previous bundle in a non-empty DIR.") var force = false
  @Flag(name: .long, help: "Copy files instead of hard-linking them when on the same filesystem.") var copy = false
  @Flag(name: .long, help: "Print the report as JSON.") var json = false

  func run() throws {
    let session = try global.session()
    let printer = ExportProgressPrinter()
    let options = ExportOptions(
      version: version, format: format, privateTerms: privateTerms, force: force, linkFiles: !copy)
    let report: ExportReport
    do {
      report = try session.exportDataset(dataset, to: to, options: options) { printer.update($0) }
      printer.finish()
    } catch {
      printer.finish()
      throw error
    }
    if json {
      print(JSONText.pretty(report))
      return
    }
    let linked = report.linkedFiles > 0 ? " (\(report.linkedFiles) hard-linked)" : ""
    print(
      "Exported \(SafeText.line(report.datasetName)) version \(report.version) as a \(report.kind.rawValue) bundle (\(report.format.rawValue)) to \(SafeText.line(report.directory))"
    )
    print(
      "\(report.fileCount) files\(linked), \(ByteCount.format(report.totalBytes)), \(report.samples) samples; record sets: \(report.recordSets.joined(separator: ", "))"
    )
    print(
      "SHA256SUMS \(report.checksumsDigest) — check with: cd \(SafeText.line(report.directory)) && sha256sum -c SHA256SUMS"
    )
    if report.linkedFiles > 0 {
      print(
        "Note: \(report.linkedFiles) data file(s) are hard links to the source files and share their storage — a change made in place to one changes the other. Export with --copy for an independent bundle."
      )
    }
  }
}

extension ExportFormat: ExpressibleByArgument {}

/// Draws an export's progress on one line of standard error, only when it is a terminal.
final class ExportProgressPrinter: @unchecked Sendable {
  // @unchecked: the lock guards every mutable field.
  private let lock = NSLock()
  private var lastDraw = Date.distantPast
  private var drew = false
  let enabled = isatty(STDERR_FILENO) == 1

  func update(_ progress: ExportProgress) {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 || progress.phase == .done else { return }
    lastDraw = now
    let line: String
    switch progress.phase {
    case .checking: line = "checking…"
    case .data:
      let file = progress.currentFile.map { " " + SafeText.line($0) } ?? ""
      line =
        "\(progress.filesDone)/\(progress.filesTotal) files, \(ByteCount.format(progress.bytesDone))/\(ByteCount.format(progress.bytesTotal))\(file)"
    case .metadata: line = "writing croissant.json, README.md, access policy…"
    case .finishing: line = "checksums, moving the bundle into place…"
    case .done: line = ""
    }
    FileHandle.standardError.write(Data(("\r\u{1B}[2K" + String(line.prefix(200))).utf8))
    drew = true
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    guard enabled, drew else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
  }
}
