import Foundation
import TOMLKit
import TerminalKit

/// Turns the text of a theme file into a ``Theme``, collecting every problem with its line.
///
/// Format: optional `name` and `description`; a `[palette]` of named colours roles may
/// refer to; a `[roles]` table (or `[roles.NAME]` tables) giving each role `fg`, `bg` and
/// `attrs`. Any problem makes the theme unusable, so the caller falls back to the default.
public enum ThemeParser {
  /// The result of parsing: a theme when the file was sound, and the problems found.
  public struct Outcome: Sendable {
    /// The theme, nil when the file had problems.
    public var theme: Theme?
    /// Problems, each with its line when known.
    public var diagnostics: [ThemeDiagnostic]
  }

  private static let topLevelKeys: Set<String> = ["name", "description", "palette", "roles"]
  private static let roleKeys: Set<String> = ["fg", "bg", "attrs"]

  /// Parses `text`; `name` is used when the file names none, `file` labels diagnostics.
  public static func parse(_ text: String, name: String, file: String) -> Outcome {
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      return Outcome(
        theme: nil,
        diagnostics: [
          ThemeDiagnostic(
            file: file, line: error.source.begin.line, column: error.source.begin.column,
            message: "not valid TOML: \(error.description)")
        ])
    } catch {
      return Outcome(theme: nil, diagnostics: [ThemeDiagnostic(file: file, message: "not valid TOML: \(error)")])
    }
    var context = Context(file: file, lines: TOMLLines(text))
    for key in table.keys where !topLevelKeys.contains(key) {
      context.report(
        key, in: nil, "unknown key '\(key)' (a theme has name, description, [palette] and [roles])")
    }
    let palette = context.palette(table["palette"])
    var roles: [ThemeRole: Style] = [:]
    if let value = table["roles"] {
      if let rolesTable = value.table {
        for key in rolesTable.keys {
          guard let role = ThemeRole(rawValue: key) else {
            let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
            context.report(key, in: "roles", "unknown role '\(key)' (roles: \(known))")
            continue
          }
          if let style = context.style(rolesTable[key], role: key, palette: palette) { roles[role] = style }
        }
      } else {
        context.report("roles", in: nil, "'roles' must be a table of role = { fg, bg, attrs }")
      }
    }
    let themeName = table["name"]?.string ?? name
    guard context.diagnostics.isEmpty else { return Outcome(theme: nil, diagnostics: context.diagnostics) }
    return Outcome(theme: Theme(name: themeName, roles: roles), diagnostics: [])
  }

  /// A colour value as written: a string, or a bare 0–255 palette index.
  static func word(_ value: (any TOMLValueConvertible)?) -> String? {
    if let string = value?.string { return string }
    return value?.int.map(String.init)
  }

  /// Collects diagnostics while walking the tables.
  private struct Context {
    let file: String
    let lines: TOMLLines
    var diagnostics: [ThemeDiagnostic] = []

    mutating func report(_ key: String, in table: String?, _ message: String) {
      diagnostics.append(ThemeDiagnostic(file: file, line: lines.line(ofKey: key, inTable: table), message: message))
    }

    mutating func palette(_ value: (any TOMLValueConvertible)?) -> [String: Color] {
      guard let value else { return [:] }
      guard let table = value.table else {
        report("palette", in: nil, "'palette' must be a table of name = \"colour\"")
        return [:]
      }
      var colors: [String: Color] = [:]
      for key in table.keys {
        guard let word = ThemeParser.word(table[key]), let color = ThemeColorParser.color(word) else {
          report(key, in: "palette", "'\(key)' is not a colour (use a name like \"cyan\", \"#1e90ff\" or 0–255)")
          continue
        }
        colors[key] = color
      }
      return colors
    }

    mutating func style(_ value: (any TOMLValueConvertible)?, role: String, palette: [String: Color]) -> Style? {
      guard let table = value?.table else {
        report(role, in: "roles", "role '\(role)' must be a table like { fg = \"cyan\", bg = \"default\" }")
        return nil
      }
      var style = Style()
      var ok = true
      for key in table.keys where !roleKeys.contains(key) {
        report(role, in: "roles", "role '\(role)' has an unknown key '\(key)' (use fg, bg, attrs)")
        ok = false
      }
      for (key, path) in [("fg", \Style.foreground), ("bg", \Style.background)] {
        guard let entry = table[key] else { continue }
        guard let word = ThemeParser.word(entry), let color = palette[word] ?? ThemeColorParser.color(word) else {
          report(
            role, in: "roles",
            "role '\(role)': \(key) is not a colour or palette name (use \"cyan\", \"#1e90ff\", 0–255 or a [palette] name)"
          )
          ok = false
          continue
        }
        style[keyPath: path] = color
      }
      if let attrs = table["attrs"] {
        let words = attrs.array.map { array in array.map { $0.string } } ?? [attrs.string]
        for word in words {
          guard let word, let attribute = ThemeColorParser.attribute(word) else {
            report(
              role, in: "roles", "role '\(role)': attrs takes bold, dim, underline, reverse, italic")
            ok = false
            break
          }
          style.attributes.insert(attribute)
        }
      }
      return ok ? style : nil
    }
  }
}
