import Foundation
import Portal
import TerminalKit

/// A plain-text table for people: columns sized by display width (CJK and emoji take
/// two cells), long cells ellipsised, every cell sanitised first.
struct TextTable {
  var headers: [String]
  var rows: [[String]] = []
  /// Widest a column may grow.
  var maxColumnWidth = 48

  init(_ headers: [String]) {
    self.headers = headers
  }

  mutating func add(_ row: [String]) {
    rows.append(row.map { SafeText.line($0) })
  }

  func render() -> String {
    var widths = headers.map { DisplayWidth.of($0) }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = min(maxColumnWidth, max(widths[index], DisplayWidth.of(cell)))
      }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let clipped = DisplayWidth.truncate(cell, to: widths[index])
        return index == cells.count - 1 ? clipped : DisplayWidth.pad(clipped, to: widths[index])
      }.joined(separator: "  ")
    }
    return ([line(headers)] + rows.map(line)).joined(separator: "\n")
  }
}
