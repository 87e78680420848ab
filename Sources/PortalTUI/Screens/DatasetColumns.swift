import Portal
import PortalCore
import TerminalKit

/// A column of the Datasets table: how wide, how important, how a row shows in it.
struct DatasetColumn: Sendable {
  var title: String
  var width: Int
  var alignment: Alignment = .leading
  /// Lower keeps its place longer when the screen is narrow.
  var priority: Int
  var sort: DatasetQuery.SortKey?
  var value: @Sendable (DatasetSummary, TUIFormat) -> String

  /// Every column, in display order.
  static let all: [DatasetColumn] = [
    DatasetColumn(title: "Name", width: 24, priority: 0, sort: .name) { row, _ in SafeText.line(row.dataset.name) },
    DatasetColumn(title: "Modality", width: 8, priority: 3, sort: .modality) { row, _ in
      row.dataset.modality?.rawValue ?? "-"
    },
    DatasetColumn(title: "Samples", width: 9, alignment: .trailing, priority: 2, sort: .samples) { row, format in
      format.count(row.sampleCount)
    },
    DatasetColumn(title: "Size", width: 8, alignment: .trailing, priority: 4, sort: .size) { row, format in
      format.bytes(row.totalBytes)
    },
    DatasetColumn(title: "Visibility", width: 10, priority: 1, sort: .visibility) { row, _ in
      visibilityLabel(row.dataset.visibility)
    },
    DatasetColumn(title: "Sensitivity", width: 12, priority: 5, sort: .sensitivity) { row, _ in
      row.dataset.sensitivity.rawValue
    },
    DatasetColumn(title: "Licence", width: 11, priority: 6, sort: .licence) { row, _ in
      SafeText.line(row.dataset.licence ?? "-")
    },
    DatasetColumn(title: "Updated", width: 10, priority: 8, sort: .updated) { row, format in
      format.date(row.dataset.updatedAt)
    },
    DatasetColumn(title: "Last job", width: 14, priority: 7, sort: .lastJob) { row, _ in
      guard let kind = row.lastJobKind, let state = row.lastJobState else { return "-" }
      return "\(kind.rawValue) \(state.rawValue)"
    },
  ]

  /// Cells all columns need side by side (the name at its minimum).
  static var fullWidth: Int { 2 + minimumNameWidth + all.dropFirst().reduce(0) { $0 + $1.width + 1 } }

  private static let minimumNameWidth = 16

  static func visibilityLabel(_ visibility: Visibility) -> String {
    switch visibility {
    case .private: "private"
    case .public: "public"
    case .publicPending: "pending"
    }
  }

  /// The columns that fit `width`, most important first, with the name column taking
  /// what is left (at least 16 cells).
  static func fitting(width: Int) -> [DatasetColumn] {
    let minimumName = minimumNameWidth
    var budget = width - 2 - minimumName
    var kept: Set<Int> = [0]
    for index in all.indices.sorted(by: { all[$0].priority < all[$1].priority }) where index != 0 {
      let cost = all[index].width + 1
      if cost <= budget {
        kept.insert(index)
        budget -= cost
      }
    }
    var columns = all.indices.filter(kept.contains).map { all[$0] }
    columns[0].width = minimumName + max(0, budget)
    return columns
  }
}

/// The rows of the current query that are in memory: a window around the viewport.
struct DatasetWindow {
  /// Bumped whenever the query changes; results of older generations are dropped.
  var generation = 0
  /// Index of the first row held.
  var start = 0
  /// The rows held.
  var rows: [DatasetSummary] = []
  /// Rows the query matches in all; nil until counted.
  var total: Int?

  func row(at index: Int) -> DatasetSummary? {
    let offset = index - start
    return rows.indices.contains(offset) ? rows[offset] : nil
  }

  func covers(_ range: Range<Int>) -> Bool {
    range.isEmpty || (range.lowerBound >= start && range.upperBound <= start + rows.count)
  }

  func index(ofDataset id: Int64) -> Int? {
    rows.firstIndex { $0.dataset.id == id }.map { $0 + start }
  }
}

/// Feeds the table from the window; rows not loaded yet show as a placeholder.
struct DatasetTableSource: TableDataSource {
  let window: DatasetWindow
  let columns: [DatasetColumn]
  let format: TUIFormat
  let placeholder: String

  var rowCount: Int { window.total ?? 0 }

  func rows(in range: Range<Int>) -> [[String]] {
    range.map { index in
      guard let row = window.row(at: index) else { return [placeholder] }
      return columns.map { $0.value(row, format) }
    }
  }
}
