import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where the acting user's identity comes from. Never an environment variable a user
/// can set: the OS account, or the login an administrator's forced SSH command names,
/// or — only in a demo catalog — a walkthrough's `--as`.
public enum Identity: Sendable, Equatable {
  /// The effective OS account (`getpwuid(geteuid())`).
  case operatingSystem
  /// The login given by a review station's forced command (`portal session --user`).
  case forcedCommand(login: String)
  /// A role switch in a demo catalog; refused in any other catalog.
  case demo(login: String)

  /// The login of the effective OS account.
  public static func operatingSystemLogin() -> String {
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "uid\(geteuid())"
  }

  /// The full name from the account's GECOS field, if any.
  public static func operatingSystemDisplayName() -> String? {
    guard let entry = getpwuid(geteuid()), let gecos = entry.pointee.pw_gecos else { return nil }
    let name = String(cString: gecos).split(separator: ",").first.map(String.init) ?? ""
    return name.isEmpty ? nil : name
  }
}
