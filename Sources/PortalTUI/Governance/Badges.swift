import Portal
import PortalCore
import TerminalKit

/// The theme roles of governance badges, the same in every list and pane: public,
/// pending and private visibility; sensitivity from plain to warning to error.
enum Badges {
  /// The role of a visibility.
  static func role(_ visibility: Visibility) -> ThemeRole {
    switch visibility {
    case .public: .public
    case .publicPending: .pending
    case .private: .private
    }
  }

  /// The role of a sensitivity level (confidential warns, restricted alarms).
  static func role(_ sensitivity: Sensitivity) -> ThemeRole {
    switch sensitivity {
    case .public: .public
    case .internal: .text
    case .confidential: .warning
    case .restricted: .error
    }
  }

  /// The role of a fact's value in a detail pane: badges for Visibility and
  /// Sensitivity, plain text otherwise.
  static func role(forFact label: String, of dataset: Dataset) -> ThemeRole {
    switch label {
    case "Visibility": role(dataset.visibility)
    case "Sensitivity": role(dataset.sensitivity)
    default: .text
    }
  }
}

extension DatasetsScreen {
  /// Draws sensitivity words in their badge roles (not on the cursor row).
  func colourSensitivity(_ context: RenderContext, in rect: Rect) {
    guard table.horizontalOffset == 0, let column = columns.firstIndex(where: { $0.title == "Sensitivity" }) else {
      return
    }
    let x = rect.x + 2 + columns[..<column].reduce(0) { $0 + $1.width + 1 }
    guard x < rect.maxX else { return }
    for offset in 0..<max(0, rect.height - 1) {
      let index = table.scrollOffset + offset
      guard index != table.cursor, let row = window.row(at: index) else { continue }
      let width = min(columns[column].width, rect.maxX - x)
      context.terminal.put(
        text: row.dataset.sensitivity.rawValue, in: Rect(x: x, y: rect.y + 1 + offset, width: width, height: 1),
        style: context.style(role(row.dataset.sensitivity)))
    }
  }

  private func role(_ sensitivity: Sensitivity) -> ThemeRole { Badges.role(sensitivity) }
}
