import Foundation
import Portal
import PortalCore
import TerminalKit

extension DatasetScreen {
  /// Whether the actor may do `action` (an `Action` raw value) on this dataset, from
  /// the detail's `allowedActions` (false until the detail has loaded).
  func allows(_ action: String) -> Bool { detail.value?.allowedActions.contains(action) ?? false }

  /// Status-bar hints for what the actor may do here (from `allowedActions`).
  var governanceHints: [(ActionID, String)] {
    var hints: [(ActionID, String)] = []
    if tab == .access && allows("manageGrants") { hints += [(.addGrant, "Grant"), (.revokeGrant, "Revoke")] }
    if allows("editMetadata") { hints.append((.editMetadata, "Edit")) }
    if allows("changeVisibility") { hints.append((.visibility, "Visibility")) }
    if allows("download") { hints.append((.exportBundle, "Export")) }
    if detail.value != nil && !allows("download") { hints.append((.requestAccess, "Request access")) }
    return hints
  }

  /// Governance and export actions, and cursor moves on the Access tab; false if
  /// `action` is none of them.
  func performGovernance(_ action: ActionID, app: App) -> Bool {
    if tab == .access {
      switch action {
      case .down, .up, .top, .bottom, .halfPageDown, .halfPageUp, .pageDown, .pageUp:
        let list = accessTab.list
        let half = max(1, list.pageSize / 2)
        let target: Int =
          switch action {
          case .down: list.cursor + 1
          case .up: list.cursor - 1
          case .top: 0
          case .bottom: accessTab.rowCount - 1
          case .halfPageDown: list.cursor + half
          case .halfPageUp: list.cursor - half
          case .pageDown: list.cursor + list.pageSize
          default: list.cursor - list.pageSize
          }
        accessTab.move(to: target)
        return true
      default:
        break
      }
    }
    switch action {
    case .addGrant, .revokeGrant, .approveHere, .rejectHere:
      if tab != .access {
        _ = perform(.tab("access"), app: app)
        if action != .addGrant { return true }
      }
      return accessTab.perform(action, screen: self, app: app)
    default:
      return GovernanceCommands.perform(
        action, dataset: summary.dataset, allowed: detail.value?.allowedActions, app: app)
    }
  }
}

extension DatasetsScreen {
  /// Visibility, edit, export on the dataset under the cursor; bulk change on the marked.
  func performGovernance(_ action: ActionID, app: App) -> Bool {
    if action == .bulkChange {
      let slugs = markedIDs.compactMap { markedSlugs[$0] }.sorted()
      guard !slugs.isEmpty else {
        app.toast("Mark datasets with Space first, then b for a bulk change.", kind: .info, seconds: 5)
        return true
      }
      app.present(BulkChangeDialog(slugs: slugs))
      return true
    }
    guard let row = current else { return false }
    return GovernanceCommands.perform(action, dataset: row.dataset, allowed: nil, app: app)
  }
}

/// Opens the dialogs shared by the Datasets and Dataset screens.
enum GovernanceCommands {
  /// Runs `action` on `dataset`; `allowed` is the actor's allowed actions when known
  /// (the dialogs check again, and the session refuses with the reason regardless).
  static func perform(_ action: ActionID, dataset: Dataset, allowed: [String]?, app: App) -> Bool {
    func may(_ name: String, _ refusal: String) -> Bool {
      guard let allowed, !allowed.contains(name) else { return true }
      app.toast(refusal, kind: .warning, seconds: 6)
      return false
    }
    switch action {
    case .visibility:
      if may(
        "changeVisibility", "Only the owner or a steward may change the visibility of \(SafeText.line(dataset.name)).")
      {
        let dialog = VisibilityDialog(dataset: dataset)
        app.present(dialog)
        dialog.reload(app: app)
      }
    case .signOff:
      guard may("signOff", "Only reviewers may sign off a publication.") else { return true }
      let session = app.session
      let slug = dataset.slug
      app.present(
        ConfirmOverlay(
          title: "Sign off", message: "Sign off \(dataset.name) for publication as a reviewer?",
          confirmLabel: "Sign off"
        ) { app in
          app.governanceWrite({ try session.signOff(slug) }, done: { _ in "Signed off \(slug)" })
        })
    case .editMetadata:
      if may("editMetadata", "You may not edit \(SafeText.line(dataset.name)) (ask its owner or a steward).") {
        app.present(MetadataEditDialog(reference: dataset.slug, app: app))
      }
    case .exportBundle:
      let ask =
        app.keyMap.primaryKey(of: .requestAccess).map { "press \($0) to request access" } ?? "request access first"
      if may("download", "Exporting needs the download permission on \(SafeText.line(dataset.name)); \(ask).") {
        app.present(ExportDialog(dataset: dataset))
      }
    case .requestAccess:
      app.present(RequestAccessDialog(dataset: dataset))
    default:
      return false
    }
    return true
  }
}
