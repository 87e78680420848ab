import ArgumentParser
import Foundation
import Portal

/// `portal session --user LOGIN`: what a review station's SSH forced command runs.
///
/// Trust model: `--user` is believed only because an administrator wrote it into the
/// `command="…"` of the reviewer's key in the service account's `authorized_keys`; sshd
/// runs that command whatever the client asks, so the reviewer cannot change it. What
/// the client asks for arrives in `SSH_ORIGINAL_COMMAND` and is only ever matched
/// against a short read-only list, run as the forced user — never passed to a shell.
struct SessionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "session",
    abstract: "Run a review-station session as LOGIN (the SSH forced command `portal station add-user` writes).",
    discussion: """
      Not for interactive use: the login is trusted because only an administrator can set
      it, in authorized_keys. Without SSH_ORIGINAL_COMMAND it opens the terminal UI as
      LOGIN; with it, it runs one of: \(StationRequest.allowed.joined(separator: "; ")).
      """)

  @Option(help: "The portal login this key belongs to.") var user: String
  @Option(help: "The station's catalog directory.") var catalog: String?
  @OptionGroup var flags: TUIFlags

  func run() throws {
    let location =
      catalog.map { CatalogLocation(directory: URL(fileURLWithPath: $0, isDirectory: true)) }
      ?? CatalogLocation.default()
    let identity = Identity.forcedCommand(login: user)
    if let original = ProcessInfo.processInfo.environment["SSH_ORIGINAL_COMMAND"] {
      let arguments = try StationRequest.arguments(for: original)
      GlobalOptions.forced.withLock { $0 = (location, identity) }
      // The arguments passed the allow-list, so this parses to a read-only command.
      var command = try PortalCommand.parseAsRoot(arguments)
      try command.run()
      return
    }
    guard location.exists else {
      throw ValidationError(
        "the review station's catalog is missing at \(location.directory.path); tell its administrator")
    }
    let session = try PortalSession.open(location: location, identity: identity)
    try TUILauncher.open(session: session, flags: flags, label: location.directory.lastPathComponent)
  }
}
