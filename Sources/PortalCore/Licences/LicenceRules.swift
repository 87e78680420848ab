import Foundation

/// How a dataset's licence reads against the rules: an SPDX identifier from the
/// embedded list, a named custom licence with a link, or unspecified.
public enum LicenceCheck: Sendable, Equatable {
  /// A known SPDX licence.
  case spdx(SPDXLicence)
  /// A custom licence, named, with a link to its text.
  case custom(name: String, url: String)
  /// A custom licence without a link to its text.
  case customWithoutLink(name: String)
  /// No licence at all.
  case unspecified

  /// Classifies a dataset's `licence` and `licenceURL`.
  public static func of(licence: String?, url: String?) -> LicenceCheck {
    guard let licence = licence?.trimmingCharacters(in: .whitespaces), !licence.isEmpty,
      !["unspecified", "NOASSERTION", "NONE"].contains(licence)
    else { return .unspecified }
    if let known = SPDXTable.licence(id: licence) { return .spdx(known) }
    if let url = url?.trimmingCharacters(in: .whitespaces), LicenceRules.isLink(url) {
      return .custom(name: licence, url: url)
    }
    return .customWithoutLink(name: licence)
  }
}

/// The licence rules: what may be set, and what may be published.
public enum LicenceRules {
  /// Licences to suggest when one is refused for the public corpus.
  public static let openSuggestions = "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0 or PDDL-1.0"

  /// Why `licence` (with `url`) may not be set on a dataset, or nil when it may.
  /// Known SPDX ids are stored in their canonical spelling by `canonical(_:)`.
  public static func problemSetting(licence: String?, url: String?, visibility: Visibility) -> String? {
    switch LicenceCheck.of(licence: licence, url: url) {
    case .unspecified:
      return visibility == .private
        ? nil
        : "a \(visibility.rawValue) dataset must keep a licence; choose an SPDX id (portal licences SEARCH) or a custom licence with --licence-url"
    case .customWithoutLink(let name):
      return
        "'\(name)' is not an SPDX licence id; find the id with `portal licences \(name)`, or name a custom licence and give its text's address with --licence-url https://…"
    case .spdx, .custom:
      return nil
    }
  }

  /// The canonical spelling of a known SPDX id ("cc-by-4.0" → "CC-BY-4.0"); others unchanged.
  public static func canonical(_ licence: String) -> String {
    SPDXTable.licence(id: licence.trimmingCharacters(in: .whitespaces))?.id
      ?? licence.trimmingCharacters(in: .whitespaces)
  }

  /// Why the licence is not acceptable for the public corpus, or nil when it is. The
  /// corpus is one "anyone may use": licences forbidding commercial use or adaptations
  /// (training makes adaptations) do not qualify.
  public static func problemPublishing(licence: String?, url: String?) -> String? {
    switch LicenceCheck.of(licence: licence, url: url) {
    case .unspecified:
      return "no licence is set — set one with `portal edit DATASET --licence CC-BY-4.0` (or another SPDX id)"
    case .customWithoutLink(let name):
      return "the custom licence '\(name)' has no link to its text — add --licence-url https://…"
    case .spdx(let known) where known.isNonCommercial:
      return "\(known.id) forbids commercial use, which the public corpus allows; choose \(openSuggestions)"
    case .spdx(let known) where known.isNoDerivatives:
      return "\(known.id) forbids adaptations, and training makes them; choose \(openSuggestions)"
    case .spdx, .custom:
      return nil
    }
  }

  /// Whether `text` looks like a web address (http or https with a host).
  public static func isLink(_ text: String) -> Bool {
    guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host else { return false }
    return ["http", "https"].contains(scheme) && !host.isEmpty
  }
}
