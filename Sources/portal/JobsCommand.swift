import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal jobs list|show|cancel|retry`.
struct JobsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jobs", abstract: "See, cancel and retry background jobs (cleaning, OCR, transcription).",
    subcommands: [List.self, Show.self, Cancel.self, Retry.self], defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List jobs, newest first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only jobs on this dataset.") var dataset: String?
    @Option(help: "Only jobs in these states (comma-separated: queued,running,succeeded,failed,cancelled,retryable).")
    var state: String?
    @Option(help: "At most this many.") var limit = 50
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let states = try state.map { list in
        try list.split(separator: ",").map { name in
          guard let state = Job.State(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError(
              "'\(name)' is not a job state; use \(Job.State.allCases.map(\.rawValue).joined(separator: ", "))")
          }
          return state
        }
      }
      let rows = try global.session().jobs(dataset: dataset, states: states, limit: limit)
      if json {
        print(JSONText.pretty(rows))
        return
      }
      guard !rows.isEmpty else {
        print("No jobs. Queue one with `portal clean`, `portal ocr` or `portal transcribe`.")
        return
      }
      var table = TextTable(["ID", "KIND", "DATASET", "STATE", "TRY", "PROGRESS", "BY", "QUEUED"])
      let formatter = ISO8601DateFormatter()
      for row in rows {
        let job = row.job
        table.add([
          String(job.id ?? 0), job.kind.rawValue, SafeText.line(row.datasetSlug), JobText.state(job),
          "\(job.attempt)/\(job.maxAttempts)", JobText.progress(job), row.queuedByLogin,
          formatter.string(from: job.createdAt),
        ])
      }
      print(table.render())
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one job: parameters, progress, outcome, and the lineage and report of the version it made.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The job's id.") var id: Int64
    @Flag(help: "Print JSON for scripts (the job, without its resume checkpoint, and its report).") var json = false

    /// What `--json` prints: the checkpoint is resume state, not something to read.
    struct Output: Encodable {
      var job: JobRow
      var report: JobReport
    }

    func run() throws {
      let session = try global.session()
      var row = try session.job(id)
      let report = try session.jobReport(id)
      if json {
        row.job.checkpoint = nil
        print(JSONText.pretty(Output(job: row, report: report)))
        return
      }
      let job = row.job
      let formatter = ISO8601DateFormatter()
      let fields: [(String, String)] = [
        ("Job", String(id)), ("Kind", job.kind.rawValue),
        ("Dataset", "\(row.datasetName) (\(row.datasetSlug))"),
        ("Input", row.inputVersionNumber.map { "version \($0)" } ?? "-"), ("State", JobText.state(job)),
        ("Attempt", "\(job.attempt) of \(job.maxAttempts)"), ("Progress", JobText.progress(job)),
        ("Parameters", job.parameters), ("Queued by", row.queuedByLogin),
        ("Queued", formatter.string(from: job.createdAt)),
        ("Started", job.startedAt.map { formatter.string(from: $0) } ?? "-"),
        ("Finished", job.finishedAt.map { formatter.string(from: $0) } ?? "-"),
        ("Result", row.resultVersionNumber.map { "version \($0) (portal samples \(row.datasetSlug))" } ?? "-"),
        (
          "Checkpoint",
          job.checkpoint == nil || job.state.isFinal ? "-" : "saved (the next attempt resumes from it)"
        ),
        ("Error", job.error ?? "-"),
      ]
      for (label, value) in fields {
        print("\(label.padding(toLength: 11, withPad: " ", startingAt: 0)) \(SafeText.line(value))")
      }
      print("")
      print(report.textLines().joined(separator: "\n"))
    }
  }

  struct Cancel: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Cancel a job: at once if it waits, within two heartbeats if it runs. It is not retried.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The job's id.") var id: Int64
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let row = try global.session().cancelJob(id)
      if json {
        print(JSONText.pretty(row))
      } else {
        print(
          row.job.state == .cancelled
            ? "Cancelled job \(id)." : "Asked job \(id) to stop; its worker stops it at the next heartbeat.")
      }
    }
  }

  struct Retry: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Queue a failed or cancelled job again.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The job's id.") var id: Int64
    @Flag(help: "Print JSON for scripts.") var json = false

    func run() throws {
      let row = try global.session().retryJob(id)
      if json { print(JSONText.pretty(row)) } else { print("Queued job \(id) again.") }
    }
  }
}

/// How jobs read in tables.
enum JobText {
  static func state(_ job: Job) -> String {
    job.state == .running && job.cancelRequested ? "cancelling" : job.state.rawValue
  }

  static func progress(_ job: Job) -> String {
    guard job.progressTotal > 0 else { return job.state == .succeeded ? "done" : "-" }
    let percent = Int((Double(job.progressDone) / Double(job.progressTotal) * 100).rounded(.down))
    return "\(job.progressDone)/\(job.progressTotal) (\(percent)%)"
  }
}
