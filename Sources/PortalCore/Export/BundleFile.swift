/// One file of a delivery bundle as the metadata documents describe it.
public struct BundleFile: Sendable, Equatable, Codable {
  /// What the file is in the bundle.
  public enum Role: String, Sendable, Codable {
    /// Data of the dataset (a copied file or a converted JSONL file).
    case data
    /// A listing of the data files of one modality (`metadata.jsonl`).
    case listing
  }

  /// Path inside the bundle, `/`-separated, already sanitised.
  public var path: String
  /// IANA media type ("image/png", "application/jsonl").
  public var encodingFormat: String
  public var sha256: String
  public var size: Int64
  public var role: Role
  /// The modality directory it sits in ("text", "image"…).
  public var group: String

  public init(path: String, encodingFormat: String, sha256: String, size: Int64, role: Role, group: String) {
    self.path = path
    self.encodingFormat = encodingFormat
    self.sha256 = sha256
    self.size = size
    self.role = role
    self.group = group
  }

  /// A JSON-LD id for the file: its path, which is unique within the bundle.
  public var id: String { path }
}

/// Files of one modality that each hold one sample: described together as a
/// `cr:FileSet` whose record set reads each file's name and content.
public struct BundleFileSet: Sendable, Equatable, Codable {
  /// "image", "audio"…
  public var group: String
  /// Exact bundle paths (names are sanitised, so they hold no glob characters).
  public var includes: [String]
  /// Media types of the files, sorted.
  public var encodingFormats: [String]

  public init(group: String, includes: [String], encodingFormats: [String]) {
    self.group = group
    self.includes = includes
    self.encodingFormats = encodingFormats
  }

  /// The JSON-LD id of the set.
  public var id: String { "\(group)-file-set" }
}

/// The type of a column in a record set.
public enum FieldType: String, Sendable, Codable {
  case text, integer, float, boolean

  /// The Croissant (schema.org) data type.
  public var croissantType: String {
    switch self {
    case .text: "sc:Text"
    case .integer: "sc:Integer"
    case .float: "sc:Float"
    case .boolean: "sc:Boolean"
    }
  }
}

/// A column of tabular or JSONL data.
public struct BundleField: Sendable, Equatable, Codable {
  /// The column (CSV header, JSON key) the values are read from.
  public var column: String
  public var type: FieldType
  public var description: String

  public init(column: String, type: FieldType, description: String = "") {
    self.column = column
    self.type = type
    self.description = description
  }
}

/// The records of one tabular or JSONL file of the bundle.
public struct BundleRecordSet: Sendable, Equatable, Codable {
  /// A unique name within the bundle ("reader-services-2019").
  public var name: String
  /// The bundle path of the file the records are read from.
  public var file: String
  public var fields: [BundleField]
  public var description: String
  /// How many records the file holds.
  public var count: Int

  public init(name: String, file: String, fields: [BundleField], description: String, count: Int) {
    self.name = name
    self.file = file
    self.fields = fields
    self.description = description
    self.count = count
  }
}
