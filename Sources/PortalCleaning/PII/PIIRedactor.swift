/// Finds and replaces PII with typed tags (`<EMAIL>`, `<PHONE>`, …); see ``PIIType`` for
/// what each type covers and ``PIIScanner`` for how candidates are found and validated.
public struct PIIRedactor: Sendable {
  /// The result of redacting one text.
  public struct Redaction: Sendable {
    /// The text with every match replaced by its tag.
    public var text: String
    /// How many matches of each type were replaced.
    public var counts: [PIIType: Int]
  }

  /// The types to look for.
  public var types: Set<PIIType>
  /// Whether private IPv4 ranges (10/8, 172.16/12, 192.168/16) are redacted too (default yes).
  public var redactPrivateIPv4: Bool

  /// Creates a redactor for `types` (all by default).
  public init(types: Set<PIIType> = Set(PIIType.allCases), redactPrivateIPv4: Bool = true) {
    self.types = types
    self.redactPrivateIPv4 = redactPrivateIPv4
  }

  /// Finds PII without changing anything (the publication checklist's "PII scan").
  public func scan(_ text: String) -> [PIIMatch] {
    var text = text
    return text.withUTF8 { PIIScanner(bytes: $0, types: types, redactPrivateIPv4: redactPrivateIPv4).scan() }
  }

  /// Replaces every match with its tag.
  public func redact(_ text: String) -> Redaction {
    var text = text
    return text.withUTF8 { bytes in
      let matches = PIIScanner(bytes: bytes, types: types, redactPrivateIPv4: redactPrivateIPv4).scan()
      guard !matches.isEmpty else { return Redaction(text: String(decoding: bytes, as: UTF8.self), counts: [:]) }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var counts: [PIIType: Int] = [:]
      var cursor = 0
      for match in matches {
        out.append(contentsOf: bytes[cursor..<match.range.lowerBound])
        out.append(contentsOf: match.type.tag.utf8)
        counts[match.type, default: 0] += 1
        cursor = match.range.upperBound
      }
      out.append(contentsOf: bytes[cursor...])
      return Redaction(text: String(decoding: out, as: UTF8.self), counts: counts)
    }
  }
}
