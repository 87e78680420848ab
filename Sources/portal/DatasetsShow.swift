import ArgumentParser
import Foundation
import Portal
import PortalCore

/// `portal datasets show DATASET`.
struct DatasetsShow: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one dataset.")

  @OptionGroup var global: GlobalOptions
  @Argument(help: "The dataset's name or slug.") var dataset: String
  @Flag(help: "Print JSON for scripts.") var json = false

  func run() throws {
    let detail = try global.session().showDataset(dataset)
    if json {
      print(JSONText.pretty(detail))
      return
    }
    let summary = detail.summary
    let d = summary.dataset
    let fields: [(String, String)] = [
      ("Name", d.name), ("Slug", d.slug), ("Description", d.description.isEmpty ? "(none)" : d.description),
      ("Modality", d.modality?.rawValue ?? "-"), ("Visibility", d.visibility.rawValue),
      ("Sensitivity", d.sensitivity.rawValue), ("Licence", d.licence ?? "unspecified"),
      ("Languages", d.languages.isEmpty ? "-" : d.languages.joined(separator: ", ")),
      ("Tags", d.tags.isEmpty ? "-" : d.tags.joined(separator: ", ")), ("Owner", summary.ownerLogin),
      ("Samples", "\(summary.sampleCount) (\(ByteCount.format(summary.totalBytes)))"),
      ("Version", summary.versionNumber.map(String.init) ?? "-"),
      (
        "Use rights",
        [
          d.useRights.train ? "train" : nil, d.useRights.evaluate ? "evaluate" : nil,
          d.useRights.noRedistribution ? "no redistribution" : nil,
          d.useRights.retentionDays.map { "retain \($0) days" },
        ].compactMap { $0 }.joined(separator: ", ")
      ),
      ("You may", detail.allowedActions.joined(separator: ", ")),
    ]
    for (label, value) in fields {
      print("\(label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(SafeText.line(value))")
    }
    if !detail.versions.isEmpty {
      print("\nVersions:")
      var table = TextTable(["#", "ORIGIN", "SAMPLES", "SIZE", "CREATED", "LINEAGE"])
      let numbers = Dictionary(detail.versions.compactMap { v in v.id.map { ($0, v.number) } }) { first, _ in first }
      for version in detail.versions {
        table.add([
          String(version.number), version.origin.rawValue, String(version.sampleCount),
          ByteCount.format(version.totalBytes), ISO8601DateFormatter().string(from: version.createdAt),
          SafeText.line(Self.lineage(version, numbers: numbers)),
        ])
      }
      print(table.render())
      if detail.versions.contains(where: { $0.jobID != nil }) {
        print("A job's report: portal jobs show JOB")
      }
    }
  }

  /// "from v1, job 7: steps=normalize,pii": the version it was made from, the job that
  /// made it and the job's parameters ("-" for an import).
  static func lineage(_ version: DatasetVersion, numbers: [Int64: Int]) -> String {
    var parts: [String] = []
    if let parent = version.parentID, version.jobID != nil || version.origin == .rescan {
      parts.append("from v\(numbers[parent].map(String.init) ?? "?")")
    }
    if let job = version.jobID {
      let settings = parameters(version.parameters)
      parts.append("job \(job)" + (settings.isEmpty ? "" : ": " + settings))
    }
    return parts.isEmpty ? "-" : parts.joined(separator: ", ")
  }

  /// A job's JSON parameters as `key=value` pairs, lists comma-separated.
  static func parameters(_ json: String) -> String {
    guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] else {
      return json == "{}" ? "" : json
    }
    return object.keys.sorted().map { key in
      let value = object[key].map { item -> String in
        if let list = item as? [Any] { return list.map { "\($0)" }.joined(separator: ",") }
        return "\(item)"
      }
      return "\(key)=\(value ?? "")"
    }.joined(separator: " ")
  }
}
