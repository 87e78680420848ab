// Snapshots render the presented frame as text a reviewer can read in a diff: one line per row
// for the characters, and an aligned line per row of style symbols with a legend.

extension VirtualTerminal {
  /// The presented frame as plain text: one line per row, trailing spaces trimmed.
  public func snapshotText() -> String {
    (0..<size.height).map { y in
      var line = ""
      for cell in presentedRow(y) where !cell.isContinuation { line += cell.grapheme }
      return line.trimmingTrailing(" ")
    }.joined(separator: "\n")
  }

  /// The presented frame's styles: a legend (`a fg=red bold`) then one line per row with one
  /// symbol per cell, aligned with ``snapshotText()``; `.` is the plain style and trailing plain
  /// cells are trimmed. Symbols are assigned in reading order, so the encoding is deterministic.
  public func snapshotStyles() -> String {
    var symbols: [Style: Character] = [.plain: "."]
    var legend: [String] = []
    var rows: [String] = []
    for y in 0..<size.height {
      var line = ""
      for cell in presentedRow(y) {
        if let symbol = symbols[cell.style] {
          line.append(symbol)
          continue
        }
        let symbol = Self.styleSymbol(legend.count)
        symbols[cell.style] = symbol
        legend.append("\(symbol) \(Self.describe(cell.style))")
        line.append(symbol)
      }
      rows.append(line.trimmingTrailing("."))
    }
    return (["legend:"] + legend + ["rows:"] + rows).joined(separator: "\n")
  }

  /// Text and styles together with a header: the format of golden files.
  public func snapshot() -> String {
    let header = "size \(size.width)x\(size.height) depth \(colorDepth) glyphs \(glyphs.isASCII ? "ascii" : "unicode")"
    return [header, "--- text", snapshotText(), "--- styles", snapshotStyles(), ""].joined(separator: "\n")
  }

  /// A one-line description of a style, omitting defaults.
  public static func describe(_ style: Style) -> String {
    var parts: [String] = []
    if style.foreground != .default { parts.append("fg=\(describe(style.foreground))") }
    if style.background != .default { parts.append("bg=\(describe(style.background))") }
    parts.append(contentsOf: style.attributes.names)
    return parts.isEmpty ? "plain" : parts.joined(separator: " ")
  }

  /// A colour as `red`, `brightBlue`, `i196` or `#ff8800`.
  public static func describe(_ color: Color) -> String {
    let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]
    switch color {
    case .default: return "default"
    case .ansi(let index):
      let name = names[Int(index & 7)]
      return index >= 8 ? "bright" + name.prefix(1).uppercased() + name.dropFirst() : name
    case .indexed(let index): return "i\(index)"
    case .rgb(let r, let g, let b): return "#" + [r, g, b].map(hex).joined()
    }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
  }

  /// Single-column symbols: ASCII letters and digits, then Greek; `#` once they run out.
  private static func styleSymbol(_ index: Int) -> Character {
    let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    if index < ascii.count { return ascii[index] }
    let greek = index - ascii.count
    if greek < 24, let scalar = Unicode.Scalar(0x03B1 + UInt32(greek >= 17 ? greek + 1 : greek)) {
      return Character(scalar)
    }
    return "#"
  }
}

extension String {
  func trimmingTrailing(_ character: Character) -> String {
    var copy = self
    while copy.last == character { copy.removeLast() }
    return copy
  }
}
