import Foundation

/// The SPDX licence list embedded in the portal (no network needed): identifiers and
/// full names, generated into `SPDXTable+A.swift` and `SPDXTable+B.swift`.
public enum SPDXTable {
  /// Every non-deprecated SPDX licence, by identifier.
  public static let all: [SPDXLicence] = (partA + partB).map { SPDXLicence(id: $0.0, name: $0.1) }

  private static let byLowercasedID: [String: SPDXLicence] = Dictionary(
    all.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })

  /// The licence with this identifier, ignoring case ("cc-by-4.0" finds "CC-BY-4.0").
  public static func licence(id: String) -> SPDXLicence? {
    byLowercasedID[id.lowercased()]
  }

  /// Licences whose identifier or name contains every word of `text` (case-insensitive),
  /// exact identifier matches first, then identifier prefixes, then the rest by identifier.
  public static func search(_ text: String, limit: Int = 20) -> [SPDXLicence] {
    let words = text.lowercased().split(whereSeparator: { $0 == " " }).map(String.init)
    guard !words.isEmpty else { return Array(all.prefix(limit)) }
    let query = text.lowercased().trimmingCharacters(in: .whitespaces)
    let matches = all.filter { licence in
      let haystack = (licence.id + " " + licence.name).lowercased()
      return words.allSatisfy { haystack.contains($0) }
    }
    func rank(_ licence: SPDXLicence) -> Int {
      let id = licence.id.lowercased()
      if id == query { return 0 }
      if id.hasPrefix(query) { return 1 }
      return 2
    }
    return Array(matches.sorted { (rank($0), $0.id) < (rank($1), $1.id) }.prefix(limit))
  }
}

/// One SPDX licence: its identifier and full name.
public struct SPDXLicence: Sendable, Equatable, Codable {
  /// The SPDX identifier ("CC-BY-4.0").
  public let id: String
  /// The full name ("Creative Commons Attribution 4.0 International").
  public let name: String

  public init(id: String, name: String) {
    self.id = id
    self.name = name
  }

  /// Forbids commercial use (the Creative Commons NC family and the like).
  public var isNonCommercial: Bool { id.contains("-NC") || id.uppercased().contains("NONCOMMERCIAL") }
  /// Forbids adaptations (the Creative Commons ND family).
  public var isNoDerivatives: Bool { id.contains("-ND") }
}
