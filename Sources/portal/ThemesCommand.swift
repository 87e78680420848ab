import ArgumentParser
import Foundation
import PortalTUI

/// `portal themes list|check FILE`.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes", abstract: "List the installed themes or check a theme file.",
    subcommands: [ThemesList.self, ThemesCheck.self])
}

/// `portal themes list`: every theme found, where, and which one wins.
struct ThemesList: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List installed themes.")

  func run() throws {
    let library = ThemeLibrary.standard()
    var seen: Set<String> = []
    for entry in library.entries() {
      let shadowed = seen.contains(entry.name)
      seen.insert(entry.name)
      let (_, warnings) = ThemeLibrary.load(file: entry.url, name: entry.name)
      let state = shadowed ? "shadowed" : warnings.isEmpty ? "ok" : "BROKEN"
      print(
        "\(entry.name.padding(toLength: 16, withPad: " ", startingAt: 0)) \(state.padding(toLength: 9, withPad: " ", startingAt: 0)) \(entry.url.path)"
      )
    }
    if seen.isEmpty { print("no theme files found; the built-in default theme is used") }
    print("\nSearched: " + library.directories.map(\.path).joined(separator: ", "))
  }
}

/// `portal themes check FILE`: validates a theme, line by line.
struct ThemesCheck: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "check", abstract: "Check a theme file for errors.")

  @Argument(help: "The theme file (.toml).", completion: .file(extensions: ["toml"])) var file: String

  func run() throws {
    let url = URL(fileURLWithPath: file)
    let (theme, warnings) = ThemeLibrary.load(file: url)
    guard warnings.isEmpty else {
      for warning in warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
      throw ExitCode(1)
    }
    print("\(file): ok (theme '\(theme.name)')")
  }
}
