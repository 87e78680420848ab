import Foundation

/// A principal named on the command line or in a dialog: `user:login`, `group:name`
/// or a lab team `lab:training` (lab team names keep their `lab:` prefix).
public struct PrincipalRef: Hashable, Sendable, Codable, CustomStringConvertible {
  public var kind: PrincipalKind
  /// A login, a group name, or a lab team's full name (`lab:training`).
  public var name: String

  public init(kind: PrincipalKind, name: String) {
    self.kind = kind
    self.name = name
  }

  /// Reads `user:rita`, `group:legal` or `lab:training`; a bare name is a user login.
  public static func parse(_ text: String) -> PrincipalRef? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("lab:") {
      return trimmed.count > 4 ? PrincipalRef(kind: .lab, name: trimmed) : nil
    }
    if trimmed.hasPrefix("user:") { return named(.user, String(trimmed.dropFirst(5))) }
    if trimmed.hasPrefix("group:") { return named(.group, String(trimmed.dropFirst(6))) }
    if trimmed.contains(":") { return nil }
    return named(.user, trimmed)
  }

  private static func named(_ kind: PrincipalKind, _ name: String) -> PrincipalRef? {
    name.isEmpty ? nil : PrincipalRef(kind: kind, name: name)
  }

  /// `user:rita`, `group:legal`, `lab:training`.
  public var description: String {
    switch kind {
    case .user: "user:\(name)"
    case .group: "group:\(name)"
    case .lab: name
    }
  }
}

extension Grant {
  /// Who the grant is for.
  public var principalRef: PrincipalRef { PrincipalRef(kind: principalKind, name: principal) }
}
