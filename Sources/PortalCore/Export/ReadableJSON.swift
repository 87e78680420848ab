import Foundation

/// A version's stored parameters and report (JSON objects) as a phrase a person reads
/// in a dataset card: `{"steps":["normalize","pii"],"followSymlinks":false}` →
/// "follow symlinks: no; steps: normalize, pii". Keys are sorted, camelCase split into
/// words, nested objects in parentheses.
public enum ReadableJSON {
  /// The phrase for a JSON object's text, leaving out `dropping` keys; nil when there
  /// is nothing left to say or the text is not an object.
  public static func phrase(_ json: String, dropping: Set<String> = []) -> String? {
    guard case .object(let object)? = try? JSONDecoder().decode(Node.self, from: Data(json.utf8)) else {
      return nil
    }
    let kept = object.filter { !dropping.contains($0.key) }
    guard !kept.isEmpty else { return nil }
    return members(kept, separator: "; ")
  }

  /// A decoded JSON value; booleans stay booleans (JSONSerialization gives NSNumbers).
  private enum Node: Decodable {
    case flag(Bool), number(String), text(String), list([Node]), object([String: Node]), null

    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let flag = try? container.decode(Bool.self) {
        self = .flag(flag)
      } else if let whole = try? container.decode(Int64.self) {
        self = .number(String(whole))
      } else if let real = try? container.decode(Double.self) {
        self = .number(String(real))
      } else if let text = try? container.decode(String.self) {
        self = .text(text)
      } else if let list = try? container.decode([Node].self) {
        self = .list(list)
      } else {
        self = .object(try container.decode([String: Node].self))
      }
    }
  }

  private static func members(_ object: [String: Node], separator: String) -> String {
    object.sorted { $0.key < $1.key }.map { "\(words($0.key)): \(value($0.value))" }.joined(separator: separator)
  }

  private static func value(_ node: Node) -> String {
    switch node {
    case .flag(let flag): flag ? "yes" : "no"
    case .number(let number): number
    case .text(let text): text.isEmpty ? "(none)" : text
    case .list(let list): list.isEmpty ? "none" : list.map(value).joined(separator: ", ")
    case .object(let object): object.isEmpty ? "none" : "(\(members(object, separator: ", ")))"
    case .null: "none"
    }
  }

  /// `filesAdded` → "files added", `by_type` → "by type".
  static func words(_ key: String) -> String {
    var out = ""
    for character in key {
      if character == "_" || character == "-" {
        out += " "
      } else if character.isUppercase {
        out += " " + character.lowercased()
      } else {
        out.append(character)
      }
    }
    return out
  }
}

/// What a PUBLIC bundle's `provenance.jsonl` may say about the partner's machine:
/// absolute paths (import roots) are replaced by their last component, so the record
/// keeps which folder a version came from without the local directory layout.
public enum ProvenanceRedaction {
  /// `json` with every absolute path string replaced by its last component, and
  /// whether anything was replaced.
  public static func redactingPaths(_ json: String) -> (text: String, changed: Bool) {
    guard let data = json.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data) else {
      return (json, false)
    }
    var changed = false
    func redact(_ any: Any) -> Any {
      switch any {
      case let text as String where text.hasPrefix("/"):
        changed = true
        let name = URL(fileURLWithPath: text).lastPathComponent
        return name.isEmpty || name == "/" ? "(root)" : name
      case let list as [Any]: return list.map(redact)
      case let object as [String: Any]: return object.mapValues(redact)
      default: return any
      }
    }
    let result = redact(value)
    guard changed,
      let out = try? JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return (json, false) }
    return (String(decoding: out, as: UTF8.self), true)
  }
}
