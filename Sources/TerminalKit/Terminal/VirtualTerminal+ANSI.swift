// Exports the presented frame as text with SGR escape sequences: how `portal preview`
// prints a rendering to stdout without a TUI (scripts, SSH, tests).

extension VirtualTerminal {
  /// The presented frame as lines of text with SGR sequences: a sequence only where the
  /// style changes, a reset at the end of every line that is not plain, trailing plain
  /// blanks trimmed. Colours are written as the frame holds them (already stepped down
  /// to ``colorDepth``): 16 colours as 30–37/90–97, 256 as `38;5;n`, 24-bit as `38;2;r;g;b`.
  /// Cell text never contains controls (writes replace them), so the only ESC bytes in the
  /// result start SGR sequences written here.
  public func ansiText() -> String {
    var lines: [String] = []
    for y in 0..<size.height {
      let row = Array(presentedRow(y))
      var last = row.count
      while last > 0, row[last - 1].style == .plain, row[last - 1].grapheme == " " || row[last - 1].isContinuation {
        last -= 1
      }
      var line = ""
      var current = Style.plain
      for cell in row[0..<last] where !cell.isContinuation {
        if cell.style != current {
          line += Self.sgr(cell.style)
          current = cell.style
        }
        line += cell.grapheme
      }
      if current != .plain { line += "\u{1B}[0m" }
      lines.append(line)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The SGR sequence that sets `style` from scratch (reset first, so attributes never leak).
  public static func sgr(_ style: Style) -> String {
    var codes = ["0"]
    let attributes: [(TextAttributes, String)] = [
      (.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7"),
    ]
    for (attribute, code) in attributes where style.attributes.contains(attribute) { codes.append(code) }
    if let code = colorCode(style.foreground, background: false) { codes.append(code) }
    if let code = colorCode(style.background, background: true) { codes.append(code) }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }

  private static func colorCode(_ color: Color, background: Bool) -> String? {
    switch color {
    case .default: return nil
    case .ansi(let index):
      let base = background ? (index < 8 ? 40 : 100) : (index < 8 ? 30 : 90)
      return String(base + Int(index & 7))
    case .indexed(let index): return (background ? "48;5;" : "38;5;") + String(index)
    case .rgb(let r, let g, let b): return (background ? "48;2;" : "38;2;") + "\(r);\(g);\(b)"
    }
  }
}
