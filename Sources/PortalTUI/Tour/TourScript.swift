import PortalCore

/// The steps of `portal demo`'s guided tour, over the demo catalog's datasets.
///
/// Each step is done by the presenter (its `isDone` reads the app's state) or by `Tab`
/// (its `perform` gives the same actions and keys a user would). Add steps here as
/// features land; keep each one's text to two to four short sentences.
public enum TourScript {
  /// The dataset the tour searches for and opens (text, with grants and a pending request).
  static let textSearch = "ledger articles"
  /// The dataset whose image samples it shows.
  static let imageSearch = "illustration"

  /// The tour for someone acting with `role` (a reviewer is told what they cannot do).
  public static func standard(role: Role) -> [TourStep] {
    let manages = role <= .steward
    return [
      TourStep(
        id: "welcome", title: "Welcome to Partner Portal",
        text: [
          "Every dataset you may discover is in this table: visibility, sensitivity, size and owner.",
          "Move with j/k or the arrows; the detail pane follows the cursor.",
        ], target: .table, isDone: { datasets($0).map { $0.table.cursor > 0 } ?? false },
        perform: [.action(.down)]),
      TourStep(
        id: "role", title: manages ? "Who you are" : "You are a reviewer",
        text: manages
          ? [
            "The status bar shows who you act as, your role and the catalog, with the keys of this screen.",
            "As \(role.rawValue) you can change visibility, grant access and queue cleaning.",
          ]
          : [
            "The status bar shows who you act as: a \(role.rawValue). You see what is public, pending publication or granted to you.",
            "You can preview and sign off, but not edit, publish, grant access, approve requests or queue cleaning.",
          ], target: .statusBar, isDone: nil),
      TourStep(
        id: "search", title: "Search as you type",
        text: [
          "Press / and type \(textSearch): names, descriptions, tags and sample text are searched at once.",
          "Enter keeps the search; Esc clears it.",
        ], target: .searchBar,
        isDone: { datasets($0)?.query.text?.lowercased().contains(textSearch) ?? false },
        perform: [.action(.search), .type(textSearch), .finishTyping]),
      TourStep(
        id: "open", title: "Open a dataset",
        text: ["Press Enter on a row to open it. Tabs show its overview, samples, access, jobs, versions and audit."],
        target: .table, isDone: { dataset($0) != nil }, perform: [.finishTyping, .action(.open)]),
      TourStep(
        id: "samples", title: "Look at samples",
        text: [
          "Press 2 (or ]) for the Samples tab: each record with its size, language and a preview.",
          "Sample text is shown as data: control characters appear as visible escapes.",
        ], target: .tab("Samples"), isDone: { dataset($0)?.tab == .samples },
        perform: [.action(.tab("samples"))]),
      TourStep(
        id: "sample-preview", title: "Read a sample",
        text: [
          "j/k move between samples; Enter puts the focus in the preview on the right (PgDn pages, / searches), Tab comes back."
        ],
        target: .table, isDone: { (dataset($0)?.lists[.samples]?.cursor ?? 0) > 0 }, perform: [.action(.down)]),
      TourStep(
        id: "access", title: "Who has access",
        text: [
          "Press 3 for Access: grants to users, groups and labs with their permission and expiry, and requests waiting for a decision.",
          manages
            ? "Owners and stewards grant, revoke, approve and reject from the command line today."
            : "Reviewers see grants and requests here but cannot change them.",
        ], target: .tab("Access"), isDone: { dataset($0)?.tab == .access }, perform: [.action(.tab("access"))]),
      TourStep(
        id: "audit", title: "Everything is audited",
        text: [
          "Press 6 for Audit: every change to this dataset, who made it and when.",
          "The log is a hash chain; `portal audit verify` names the first broken entry.",
        ], target: .tab("Audit"), isDone: { dataset($0)?.tab == .audit }, perform: [.action(.tab("audit"))]),
      TourStep(
        id: "back", title: "Back to the list",
        text: ["Press q to close the dataset and go back to the list (while the tour is open, Esc closes the tour)."],
        target: .titleBar, isDone: { $0.topScreen is DatasetsScreen && $0.overlay == nil },
        perform: [.action(.back)]),
      TourStep(
        id: "image-search", title: "Images, audio and video too",
        text: [
          "Press F to drop the old search, then / and type \(imageSearch) to find the photo and illustration library."
        ],
        target: .searchBar, isDone: { datasets($0)?.query.text?.lowercased().contains(imageSearch) ?? false },
        perform: [.action(.clearFilters), .action(.search), .type(imageSearch), .finishTyping]),
      TourStep(
        id: "image-sample", title: "An image sample",
        text: [
          "Enter opens it and 2 shows its samples: images are drawn in half-blocks with their size and format, audio as a waveform with its duration."
        ], target: .tab("Samples"),
        isDone: { dataset($0).map { $0.tab == .samples && $0.summary.dataset.modality == .image } ?? false },
        perform: [.finishTyping, .action(.open), .action(.tab("samples"))]),
      TourStep(
        id: "help", title: "Every key, in one place",
        text: ["Press ? for help: every action, its keys and where it applies. Esc closes it."],
        target: .statusBar, isDone: { $0.overlay is HelpOverlay }, perform: [.action(.help)]),
      TourStep(
        id: "palette", title: "The command palette",
        text: [
          "Press : and type part of any action's name: fuzzy matching finds it, Enter runs it.",
          "`theme NAME` switches theme; `tour` reopens this tour.",
        ], target: .statusBar, isDone: { $0.overlay is PaletteOverlay }, perform: [.action(.palette)]),
      TourStep(
        id: "end", title: "That's the tour",
        text: [
          "Esc closes the tour; F2 (or : then `tour`) brings it back.",
          "Try it on your own data: `portal init`, then `portal import PATH --name NAME`.",
        ], target: .none, isDone: nil),
    ]
  }

  static func datasets(_ app: App) -> DatasetsScreen? {
    app.overlay == nil ? app.topScreen as? DatasetsScreen : nil
  }

  static func dataset(_ app: App) -> DatasetScreen? { app.topScreen as? DatasetScreen }
}
