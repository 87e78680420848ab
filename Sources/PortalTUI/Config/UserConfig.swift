import Foundation
import TOMLKit

/// The user's settings from `$XDG_CONFIG_HOME/partner-portal/config.toml` (default
/// `~/.config/partner-portal/config.toml`):
///
/// ```toml
/// theme = "solarized-dark"
/// [keys]
/// "cursor.down" = ["j", "down", "n"]
/// "datasets.import" = []          # unbind
/// ```
///
/// A missing file is fine; a bad one yields warnings and defaults, never a failure.
public struct UserConfig: Sendable, Equatable {
  /// The theme to start with, if set.
  public var theme: String?
  /// Action name → key names.
  public var keyBindings: [String: [String]] = [:]
  /// Problems found, each a sentence with file and line.
  public var warnings: [String] = []

  /// An empty config.
  public init(theme: String? = nil, keyBindings: [String: [String]] = [:]) {
    self.theme = theme
    self.keyBindings = keyBindings
  }

  /// `$XDG_CONFIG_HOME/partner-portal`, else `~/.config/partner-portal`.
  public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
      return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("partner-portal")
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config/partner-portal")
  }

  /// Loads the user's config file (absent → empty config).
  public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> UserConfig {
    let url = directory(environment: environment).appendingPathComponent("config.toml")
    guard let data = FileManager.default.contents(atPath: url.path) else { return UserConfig() }
    return parse(String(decoding: data, as: UTF8.self), file: url.path)
  }

  /// Parses config text; `file` labels warnings.
  public static func parse(_ text: String, file: String) -> UserConfig {
    var config = UserConfig()
    let lines = TOMLLines(text)
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      let where_ = ThemeDiagnostic(
        file: file, line: error.source.begin.line, column: error.source.begin.column,
        message: "not valid TOML: \(error.description); using the default settings")
      config.warnings.append(where_.description)
      return config
    } catch {
      config.warnings.append("\(file): not valid TOML: \(error); using the default settings")
      return config
    }
    for key in table.keys where key != "theme" && key != "keys" {
      config.warnings.append(
        ThemeDiagnostic(
          file: file, line: lines.line(ofKey: key, inTable: nil),
          message: "unknown setting '\(key)' (settings: theme, [keys])"
        ).description)
    }
    if let theme = table["theme"] {
      if let name = theme.string {
        config.theme = name
      } else {
        config.warnings.append(
          ThemeDiagnostic(
            file: file, line: lines.line(ofKey: "theme", inTable: nil), message: "theme must be a name in quotes"
          ).description)
      }
    }
    if let keys = table["keys"]?.table {
      for action in keys.keys {
        let value = keys[action]
        if let single = value?.string {
          config.keyBindings[action] = [single]
        } else if let array = value?.array, array.allSatisfy({ $0.string != nil }) {
          config.keyBindings[action] = array.compactMap { $0.string }
        } else {
          config.warnings.append(
            ThemeDiagnostic(
              file: file, line: lines.line(ofKey: action, inTable: "keys"),
              message: "keys for '\(action)' must be a key name or a list of them, like [\"j\", \"down\"]"
            ).description)
        }
      }
    }
    return config
  }
}
