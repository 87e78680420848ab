import Foundation

/// The Croissant Responsible-AI (`rai:`) properties the catalog can state truthfully:
/// how the data was collected (its imports), personal information (the PII scans),
/// how it was processed (its lineage), and what it may and may not be used for (the
/// use rights). Nothing is invented: what the catalog does not know is left out.
public enum ResponsibleAI {
  /// The `rai:` members of the dataset node.
  public static func properties(_ facts: BundleFacts) -> [String: JSONValue] {
    var properties: [String: JSONValue] = [
      "rai:dataCollection": .string(collection(facts)),
      "rai:personalSensitiveInformation": .array(personalInformation(facts).map(JSONValue.string)),
      "rai:dataPreprocessingProtocol": .array(processingSteps(facts).map(JSONValue.string)),
      "rai:dataUseCases": .array(
        (facts.intendedUses + facts.outOfScopeUses.map { "Out of scope: \($0)" }).map(JSONValue.string)),
      "rai:dataReleaseMaintenancePlan": .string(maintenance(facts)),
    ]
    if let first = facts.lineage.last?.createdAt {
      properties["rai:dataCollectionTimeframe"] = .array([
        .string(CroissantBuilder.day(first)), .string(CroissantBuilder.day(facts.version.createdAt)),
      ])
    }
    var limitations: [String] = []
    if facts.latestScan.map({ !$0.isClean }) ?? true { limitations.append(facts.personalInformationStatement) }
    if facts.kind == .privateTerms {
      limitations.append("Delivered under the partner's private terms; see access-policy.json.")
    }
    if !limitations.isEmpty { properties["rai:dataLimitations"] = .array(limitations.map(JSONValue.string)) }
    return properties
  }

  /// How the data came to the catalog, from the first version's import.
  static func collection(_ facts: BundleFacts) -> String {
    let first = facts.lineage.last ?? facts.version
    let date = CroissantBuilder.day(first.createdAt)
    let counts = facts.samplesByModality.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
      .joined(separator: ", ")
    return
      "Contributed by \(facts.organisation) from its own holdings through the data partnership programme. Registered in the partner's catalog on \(date) by importing files in place (checksummed; raw files are never modified); version \(facts.version.number) holds \(facts.sampleCount) samples\(counts.isEmpty ? "" : " (\(counts))")."
  }

  /// The PII scan's result and how it was handled.
  static func personalInformation(_ facts: BundleFacts) -> [String] {
    var lines = [facts.personalInformationStatement]
    if let scan = facts.latestScan, !scan.isClean {
      lines.append(contentsOf: scan.byType.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) found" })
    }
    if facts.lineage.contains(where: { $0.origin == .clean && $0.parameters.contains("pii") }) {
      lines.append("A PII redaction step was applied in this version's lineage (see rai:dataPreprocessingProtocol).")
    }
    return lines
  }

  /// One line per version of the lineage, oldest first: origin, parameters, report.
  static func processingSteps(_ facts: BundleFacts) -> [String] {
    facts.lineage.reversed().map { version in
      var line = "Version \(version.number) (\(version.origin.rawValue), \(CroissantBuilder.day(version.createdAt)))"
      if let parent = facts.lineage.first(where: { $0.id == version.parentID }) {
        line += " from version \(parent.number)"
      }
      line += ": \(version.sampleCount) samples, \(version.totalBytes) bytes."
      // Import roots are the partner's local paths: only how many there were.
      if let parameters = ReadableJSON.phrase(withRootCount(version.parameters), dropping: []) {
        line += " Parameters — \(parameters)."
      }
      if let report = ReadableJSON.phrase(withRootCount(version.report), dropping: reportNoise) {
        line += " Report — \(report)."
      }
      return line
    }
  }

  private static func maintenance(_ facts: BundleFacts) -> String {
    let contact = facts.dataset.contact.map { " (\($0))" } ?? ""
    return
      "Maintained by \(facts.organisation); owner \(facts.ownerName)\(contact). New versions are made by re-importing or cleaning and get new version numbers; this bundle is version \(facts.version.number) and never changes."
  }

  /// Report members that repeat what the line already says, or that describe the run
  /// rather than the data.
  private static let reportNoise: Set<String> = [
    "problems", "seconds", "datasetSlug", "datasetName", "versionNumber", "samples", "bytes", "contentIndex",
    "contentIndexPending",
  ]

  /// The JSON object's text with `roots` (absolute import paths: they describe the
  /// partner's machine, not the data) replaced by their count.
  private static func withRootCount(_ json: String) -> String {
    guard let data = json.data(using: .utf8),
      var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any], object["roots"] != nil
    else { return json }
    object["roots"] = (object["roots"] as? [Any])?.count ?? 0
    guard let text = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return json }
    return String(decoding: text, as: UTF8.self)
  }
}
