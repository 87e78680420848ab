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
