/// Where an action applies: the screens of the TUI.
public enum ScreenKind: String, CaseIterable, Sendable, Hashable {
  /// The home screen: the dataset list.
  case datasets
  /// One dataset with its tabs.
  case dataset
  /// The help overlay.
  case help
  /// The access requests inbox.
  case requests

  /// How help titles the screen's section.
  public var title: String {
    switch self {
    case .datasets: "Datasets"
    case .dataset: "Dataset"
    case .help: "Help"
    case .requests: "Requests"
    }
  }
}
