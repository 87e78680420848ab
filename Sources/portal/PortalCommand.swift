import ArgumentParser
import Portal

/// `portal`: the Partner Portal command line. With no subcommand it opens the
/// terminal UI on the user's catalog.
@main
struct PortalCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portal",
    abstract: "Browse, govern and clean the datasets you contribute to the data partnership.",
    discussion: """
      The catalog lives in $PORTAL_HOME, else $XDG_DATA_HOME/partner-portal, else
      ~/.local/share/partner-portal. Start with `portal demo` or `portal init`.
      """,
    version: PortalVersion.current,
    subcommands: [
      InitCommand.self, ImportCommand.self, DatasetsCommand.self, SamplesCommand.self, SearchCommand.self,
      PreviewCommand.self, DemoCommand.self, UserCommand.self, AuditCommand.self,
      GroupCommand.self, EditCommand.self, TagCommand.self, PublishCommand.self, RequestPublicationCommand.self,
      SignoffCommand.self, GrantCommand.self, RevokeCommand.self, GrantsCommand.self, RequestCommand.self,
      RequestsCommand.self, ApproveCommand.self, RejectCommand.self, WithdrawCommand.self, RemoveCommand.self,
      LicencesCommand.self, ExportCommand.self,
      JobsCommand.self, CleanCommand.self, ScanCommand.self, OCRCommand.self, TranscribeCommand.self,
      WorkerCommand.self, TUICommand.self, ThemesCommand.self,
      StationCommand.self, SessionCommand.self,
      ContentIndexCommand.self,
    ],
    defaultSubcommand: TUICommand.self
  )
}
