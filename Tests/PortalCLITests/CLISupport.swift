import Foundation
import PortalTesting

/// A catalog made with the real binary, shared with throwaway OS accounts when the
/// tests run as root.
struct CLICatalog {
  let dir: TemporaryDirectory
  let home: String

  init(_ label: String) throws {
    dir = try TemporaryDirectory(label)
    home = dir.appending("catalog").path
    let created = try PortalBinary.run(["init", "--organisation", "Test partner"], home: home)
    guard created.status == 0 else { throw CLIFailure("init failed: \(created.stderr)") }
  }

  var database: String { home + "/catalog.sqlite" }

  /// Runs `portal` as the test's own account; throws unless it succeeds.
  @discardableResult
  func ok(_ arguments: [String], extra: [String: String] = [:]) throws -> Shell.Result {
    let result = try PortalBinary.run(arguments, home: home, extraEnvironment: extra)
    guard result.status == 0 else {
      throw CLIFailure("portal \(arguments.joined(separator: " ")) failed: \(result.stderr)\(result.stdout)")
    }
    return result
  }

  /// Imports a small tree as dataset `name`; returns its slug.
  func dataset(_ name: String) throws -> String {
    let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
    let root = try SampleTree.write(into: dir, at: "data-\(slug)")
    try ok(["import", root.path, "--name", name])
    return slug
  }

  /// Runs the real sqlite3 tool on the catalog, as someone with file access would.
  func sqlite3(_ sql: String) throws {
    let result = try Shell.run("/usr/bin/sqlite3", [database, sql])
    guard result.status == 0 else { throw CLIFailure("sqlite3 failed: \(result.stderr)") }
  }

  func remove() { dir.remove() }
}

/// A failed step of a command-line test.
struct CLIFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Throwaway OS accounts (root only): created with useradd, removed with userdel.
struct OSAccounts {
  let names: [String: String]

  static var available: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") }

  /// One account per role key, with unique names.
  init(_ keys: [String]) throws {
    let tag = UUID().uuidString.prefix(6).lowercased()
    var names: [String: String] = [:]
    for key in keys {
      let name = "pt\(tag)\(key)"
      let made = try Shell.run("/usr/sbin/useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", name])
      guard made.status == 0 else { throw CLIFailure("useradd \(name) failed: \(made.stderr)") }
      names[key] = name
    }
    self.names = names
  }

  subscript(_ key: String) -> String { names[key] ?? key }

  /// Runs `portal` as the OS account `name` (no way to pretend otherwise).
  func run(_ key: String, _ arguments: [String], home: String) throws -> Shell.Result {
    try Shell.run(
      "/usr/sbin/runuser",
      ["-u", self[key], "--", "env", "PORTAL_HOME=\(home)", "NO_COLOR=1", PortalBinary.path] + arguments)
  }

  /// Lets every account read and write the catalog (a review station uses a group).
  static func share(_ home: String) throws {
    let result = try Shell.run("/bin/chmod", ["-R", "a+rwX", home])
    guard result.status == 0 else { throw CLIFailure("chmod failed: \(result.stderr)") }
  }

  func remove() {
    for name in names.values { _ = try? Shell.run("/usr/sbin/userdel", [name]) }
  }
}
