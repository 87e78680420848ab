import Foundation

/// Builds a bundle's `croissant.json`: MLCommons Croissant 1.1 JSON-LD with the
/// dataset's description, licence, partner, dates and version, every file with its
/// SHA-256, the record sets of its tabular and JSONL data, and the Responsible-AI
/// properties the catalog knows. Pure: the same facts give the same document.
public enum CroissantBuilder {
  /// The JSON-LD document for `facts`.
  public static func document(_ facts: BundleFacts) -> JSONValue {
    let dataset = facts.dataset
    let version = facts.version
    let partner: JSONValue = ["@type": "sc:Organization", "name": .string(facts.organisation)]
    var root: [String: JSONValue] = [
      "@context": CroissantContext.value,
      "@type": "sc:Dataset",
      "conformsTo": .string(CroissantContext.conformsTo),
      "name": .string(dataset.name),
      "alternateName": .string(dataset.slug),
      "description": .string(description(facts)),
      "url": .string(datasetURL(facts)),
      "version": .string("\(version.number).0.0"),
      "creator": partner,
      "publisher": partner,
      "dateCreated": .string(day(dataset.createdAt)),
      "dateModified": .string(day(version.createdAt)),
      "datePublished": .string(day(facts.exportedAt)),
      "citeAs": .string(citation(facts)),
      "keywords": .array(dataset.tags.map(JSONValue.string)),
      "isAccessibleForFree": .bool(facts.kind == .public),
      "distribution": .array(distribution(facts)),
      "recordSet": .array(facts.recordSets.map(recordSet) + fileSetRecordSets(facts)),
    ]
    if !dataset.languages.isEmpty { root["inLanguage"] = .array(dataset.languages.map(JSONValue.string)) }
    root["license"] = .string(licence(facts))
    if let contact = dataset.contact, !contact.isEmpty {
      root["maintainer"] = ["@type": "sc:Person", "name": .string(facts.ownerName), "email": .string(contact)]
    }
    for (key, value) in ResponsibleAI.properties(facts) { root[key] = value }
    return .object(root)
  }

  /// The licence as Croissant wants it: a URL when known, else its name; a private
  /// bundle without one points at its access policy.
  static func licence(_ facts: BundleFacts) -> String {
    if let url = facts.licenceURL { return url }
    if let licence = facts.dataset.licence, !licence.isEmpty { return licence }
    return "LicenseRef-private-terms (see access-policy.json)"
  }

  static func datasetURL(_ facts: BundleFacts) -> String {
    "urn:partner-portal:\(Slug.make(from: facts.organisation) ?? "partner"):\(facts.dataset.slug):v\(facts.version.number)"
  }

  private static func description(_ facts: BundleFacts) -> String {
    let text = facts.dataset.description.trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? "\(facts.dataset.name), contributed by \(facts.organisation)." : text
  }

  private static func citation(_ facts: BundleFacts) -> String {
    let year = Calendar(identifier: .gregorian).component(.year, from: facts.version.createdAt)
    let key = facts.dataset.slug.replacingOccurrences(of: "-", with: "_") + "_v\(facts.version.number)"
    let title = facts.dataset.name.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
    let author = facts.organisation.replacingOccurrences(of: "{", with: "(").replacingOccurrences(of: "}", with: ")")
    return
      "@misc{\(key), title = {\(title)}, author = {\(author)}, year = {\(year)}, version = {\(facts.version.number)}, note = {\(datasetURL(facts))}}"
  }

  // MARK: - Files

  private static func distribution(_ facts: BundleFacts) -> [JSONValue] {
    var nodes: [JSONValue] = facts.files.map { file in
      [
        "@type": "cr:FileObject", "@id": .string(file.id), "name": .string(file.path),
        "contentUrl": .string(file.path), "encodingFormat": .string(croissantFormat(file.encodingFormat)),
        "sha256": .string(file.sha256), "contentSize": .string("\(file.size) B"),
      ]
    }
    for set in facts.fileSets {
      nodes.append(
        [
          "@type": "cr:FileSet", "@id": .string(set.id), "name": .string(set.id),
          "description": .string(
            "The \(set.group) files of the bundle, one sample each; each is listed with its SHA-256 above."),
          "encodingFormat": .array(formats(of: set).map(JSONValue.string)),
          "includes": .array(set.includes.map(JSONValue.string)),
        ])
    }
    return nodes
  }

  /// Croissant names JSON Lines `application/jsonlines`.
  static func croissantFormat(_ mediaType: String) -> String {
    mediaType == "application/jsonl" ? "application/jsonlines" : mediaType
  }

  /// A text set is also readable as plain text (what Croissant readers know).
  private static func formats(of set: BundleFileSet) -> [String] {
    let formats = set.encodingFormats.map(croissantFormat)
    return set.group == "text" && !formats.contains("text/plain") ? formats + ["text/plain"] : formats
  }

  // MARK: - Records

  private static func recordSet(_ set: BundleRecordSet) -> JSONValue {
    [
      "@type": "cr:RecordSet", "@id": .string(set.name), "name": .string(set.name),
      "description": .string(set.description),
      "field": .array(
        set.fields.map { field in
          var node: [String: JSONValue] = [
            "@type": "cr:Field", "@id": .string("\(set.name)/\(field.column)"), "name": .string(field.column),
            "dataType": .string(field.type.croissantType),
            "source": ["fileObject": .reference(set.file), "extract": ["column": .string(field.column)]],
          ]
          if !field.description.isEmpty { node["description"] = .string(field.description) }
          return .object(node)
        }),
    ]
  }

  /// Text documents kept as files are read whole: name and content.
  private static func fileSetRecordSets(_ facts: BundleFacts) -> [JSONValue] {
    facts.fileSets.filter { $0.group == "text" && facts.format == .original }.map { set in
      let name = "text-documents"
      func field(_ column: String, _ property: String, _ description: String) -> JSONValue {
        [
          "@type": "cr:Field", "@id": .string("\(name)/\(column)"), "name": .string(column),
          "description": .string(description), "dataType": "sc:Text",
          "source": ["fileSet": .reference(set.id), "extract": ["fileProperty": .string(property)]],
        ]
      }
      return [
        "@type": "cr:RecordSet", "@id": .string(name), "name": .string(name),
        "description": "One record per text document: its file name and its whole text.",
        "field": [
          field("file_name", "filename", "The document's file name."),
          field("text", "content", "The document's text."),
        ],
      ]
    }
  }

  static func day(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    return formatter.string(from: date)
  }
}
