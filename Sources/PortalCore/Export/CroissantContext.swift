/// The JSON-LD `@context` of a Croissant 1.1 document, exactly as the reference
/// implementation (mlcroissant) writes it, so validators accept it without warnings.
enum CroissantContext {
  static let conformsTo = "http://mlcommons.org/croissant/1.1"

  static var value: JSONValue {
    var context: [String: JSONValue] = [
      "@language": "en", "@vocab": "https://schema.org/", "cr": "http://mlcommons.org/croissant/",
      "rai": "http://mlcommons.org/croissant/RAI/", "dct": "http://purl.org/dc/terms/", "sc": "https://schema.org/",
      "conformsTo": "dct:conformsTo",
      "data": ["@id": "cr:data", "@type": "@json"], "dataType": ["@id": "cr:dataType", "@type": "@vocab"],
      "examples": ["@id": "cr:examples", "@type": "@json"],
      "description": ["@container": "@language"], "name": ["@container": "@language"],
    ]
    let crTerms = [
      "arrayShape", "citeAs", "column", "containedIn", "equivalentProperty", "extract", "field", "fileProperty",
      "fileObject", "fileSet", "format", "includes", "isArray", "isLiveDataset", "jsonPath", "key", "md5",
      "parentField", "path", "recordSet", "references", "regex", "repeated", "replace", "samplingRate",
      "separator", "source", "subField", "transform",
    ]
    for term in crTerms { context[term] = .string("cr:\(term)") }
    return .object(context)
  }
}
