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
  /// The dataset screen while its sample preview pane has focus.
  case preview
  /// Every job of the catalog (and a dataset's Jobs tab).
  case jobs

  /// How help titles the screen's section.
  public var title: String {
    switch self {
    case .datasets: "Datasets"
    case .dataset: "Dataset"
    case .help: "Help"
    case .requests: "Requests"
    case .preview: "Sample preview"
    case .jobs: "Jobs"
    }
  }
}
