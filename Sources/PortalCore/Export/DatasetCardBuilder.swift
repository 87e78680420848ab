import Foundation

/// Builds a bundle's `README.md`: a dataset card with a YAML header in the Hugging
/// Face convention (licence, languages, task categories, size category, pretty
/// name, tags) and the sections a data card carries, from the catalog's facts.
public enum DatasetCardBuilder {
  /// The whole card.
  public static func card(_ facts: BundleFacts) -> String {
    header(facts) + "\n" + body(facts)
  }

  /// The YAML front matter, between `---` lines. Every string is double-quoted, so any
  /// name or tag parses back unchanged.
  public static func header(_ facts: BundleFacts) -> String {
    let dataset = facts.dataset
    var lines = ["---"]
    let licence = huggingFaceLicence(facts)
    lines.append("license: \(YAMLText.quoted(licence.id))")
    if let name = licence.name { lines.append("license_name: \(YAMLText.quoted(name))") }
    if let link = licence.link { lines.append("license_link: \(YAMLText.quoted(link))") }
    lines.append(
      YAMLText.list(
        "language", dataset.languages.map { $0.split(separator: "-").first.map(String.init) ?? $0 }.uniqued()))
    lines.append(YAMLText.list("task_categories", taskCategories(facts)))
    lines.append(YAMLText.list("size_categories", [SizeCategory.label(for: facts.sampleCount)]))
    lines.append("pretty_name: \(YAMLText.quoted(dataset.name))")
    lines.append(YAMLText.list("tags", dataset.tags))
    lines.append("version: \(YAMLText.quoted(String(facts.version.number)))")
    lines.append("visibility: \(YAMLText.quoted(facts.kind.rawValue))")
    lines.append("---")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The licence in the Hub's terms: a lower-case SPDX id, or `other` with a name and link.
  static func huggingFaceLicence(_ facts: BundleFacts) -> (id: String, name: String?, link: String?) {
    guard let licence = facts.dataset.licence, !licence.isEmpty else {
      return ("other", "private-terms", "access-policy.json")
    }
    if let known = SPDXTable.licence(id: licence) { return (known.id.lowercased(), nil, nil) }
    return ("other", licence, facts.dataset.licenceURL)
  }

  /// Hub task categories the modality suggests; none for a mix the catalog cannot tell.
  static func taskCategories(_ facts: BundleFacts) -> [String] {
    switch facts.dataset.modality {
    case .text: ["text-generation"]
    case .image:
      facts.dataset.tags.contains("ocr") || facts.dataset.tags.contains("scans")
        ? ["image-to-text"] : ["image-classification"]
    case .audio: ["automatic-speech-recognition"]
    case .video: ["video-classification"]
    default: []
    }
  }

  // MARK: - Body

  private static func body(_ facts: BundleFacts) -> String {
    let dataset = facts.dataset
    var out = "# \(markdown(dataset.name))\n\n"
    out +=
      "\(markdown(dataset.description.isEmpty ? "(No description was written for this dataset.)" : dataset.description))\n\n"
    out += "- **Partner:** \(markdown(facts.organisation))\n"
    out += "- **Owner:** \(markdown(facts.ownerName)) (`\(facts.ownerLogin)`)\n"
    out += "- **Version:** \(facts.version.number) (\(CroissantBuilder.day(facts.version.createdAt)))\n"
    out += "- **Licence:** \(markdown(dataset.licence ?? "none — private terms, see access-policy.json"))\n"
    out +=
      "- **Bundle:** \(facts.kind.rawValue), format `\(facts.format.rawValue)`, exported \(CroissantBuilder.day(facts.exportedAt)) by `\(facts.exportedBy)`\n\n"
    out += "## Composition\n\n"
    out += "\(facts.sampleCount) samples, \(facts.version.totalBytes) bytes in the source files.\n\n"
    out += "| modality | samples |\n|---|---|\n"
    for (modality, count) in facts.samplesByModality.sorted(by: { $0.key < $1.key }) {
      out += "| \(modality) | \(count) |\n"
    }
    out += "\n| file | format | bytes |\n|---|---|---|\n"
    // The same format names as croissant.json (application/jsonlines for JSON Lines).
    for file in facts.files {
      out += "| `\(file.path)` | \(CroissantBuilder.croissantFormat(file.encodingFormat)) | \(file.size) |\n"
    }
    if !facts.recordSets.isEmpty {
      out += "\nRecord sets (see `croissant.json`):\n\n"
      for set in facts.recordSets {
        let fields = set.fields.map { "`\($0.column)` (\($0.type.rawValue))" }.joined(separator: ", ")
        out += "- `\(set.name)` — \(set.count) records in `\(set.file)`: \(fields)\n"
      }
    }
    out += "\n## Collection\n\n\(markdown(ResponsibleAI.collection(facts)))\n\n"
    out += "## Processing\n\n"
    for step in ResponsibleAI.processingSteps(facts) { out += "- \(markdown(step))\n" }
    out += "\n## Personal information\n\n"
    for line in ResponsibleAI.personalInformation(facts) { out += "- \(markdown(line))\n" }
    let signoffs = facts.signoffs.map { "\($0.reviewerLogin) (\(CroissantBuilder.day($0.createdAt)))" }
    out +=
      signoffs.isEmpty
      ? "\nNo reviewer has signed off this version.\n"
      : "\nSigned off by \(markdown(signoffs.joined(separator: ", "))).\n"
    out += "\n## Uses and restrictions\n\n"
    for use in facts.intendedUses { out += "- Intended: \(markdown(use))\n" }
    for use in facts.outOfScopeUses { out += "- Out of scope: \(markdown(use))\n" }
    out += "\nSensitivity: \(dataset.sensitivity.rawValue). The access policy is in `access-policy.json`.\n"
    out += "\n## Maintenance\n\n"
    out += "Maintained by \(markdown(facts.organisation)); contact \(markdown(dataset.contact ?? facts.ownerName)). "
    out +=
      "`provenance.jsonl` holds the dataset's audit events; `SHA256SUMS` covers every file (`sha256sum -c SHA256SUMS`).\n"
    return out
  }

  /// Dataset text as inert Markdown: no HTML, no link or image syntax that could
  /// fetch something, control characters removed.
  static func markdown(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
      if scalar.properties.isBidiControl || (0x7F...0x9F).contains(scalar.value) { continue }
      switch scalar {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "[", "]", "`", "|", "*", "_", "#": out += "\\" + String(scalar)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension Array where Element: Hashable {
  /// The elements in order, each once.
  fileprivate func uniqued() -> [Element] {
    var seen = Set<Element>()
    return filter { seen.insert($0).inserted }
  }
}
