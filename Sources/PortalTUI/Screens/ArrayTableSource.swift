import TerminalKit

/// A table data source over rows already in memory (versions, audit events, grants).
struct ArrayTableSource: TableDataSource {
  let cells: [[String]]
  var rowCount: Int { cells.count }
  func rows(in range: Range<Int>) -> [[String]] { Array(cells[range.clamped(to: cells.indices)]) }
}
