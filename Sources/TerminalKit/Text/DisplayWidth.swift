import CNcurses

/// Horizontal alignment of text within a width.
public enum Alignment: Hashable, Sendable {
  /// Flush left.
  case leading
  /// Centred (extra column on the right).
  case center
  /// Flush right.
  case trailing
}

/// Terminal column widths of text, by grapheme cluster, using the C library's `wcwidth`.
///
/// A grapheme is as wide as its first scalar (what ncurses tells the terminal when it draws the
/// cluster with `setcchar`), so layout here and on screen agree. Control characters count as one
/// column because ``Terminal`` implementations draw them as a visible replacement.
public enum DisplayWidth {
  /// What a control character or other unprintable scalar is drawn as.
  public static let replacement = "?"

  /// `wcwidth` knows nothing beyond ASCII in the "C" locale; switch LC_CTYPE to a UTF-8 locale
  /// once if the process has none. Evaluated lazily and exactly once (static let).
  private static let localeReady: Bool = {
    if let codeset = shim_codeset(), String(cString: codeset).uppercased().filter({ $0 != "-" }) == "UTF8" {
      return true
    }
    return setlocale(LC_CTYPE, "C.UTF-8") != nil
  }()

  /// Columns a single scalar takes: 0 (combining, zero-width), 1, 2, or -1 if unprintable.
  public static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    // ASCII fast path: most catalog text is ASCII and this avoids a C call per character.
    if value >= 0x20 && value < 0x7F { return 1 }
    if value < 0x20 || value == 0x7F { return -1 }
    _ = localeReady
    return Int(shim_wcwidth(value))
  }

  /// Columns a grapheme cluster takes (0, 1 or 2); unprintable clusters take 1 (the replacement).
  public static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let width = of(first)
    return width < 0 ? 1 : min(width, 2)
  }

  /// Columns a string takes when drawn.
  public static func of(_ text: some StringProtocol) -> Int {
    var total = 0
    for character in text { total += of(character) }
    return total
  }

  /// The string as drawn cell by cell: each grapheme with its width; control characters replaced,
  /// zero-width clusters (a lone combining mark) dropped since no cell can hold them alone.
  public static func cells(_ text: some StringProtocol) -> [(grapheme: String, width: Int)] {
    var result: [(grapheme: String, width: Int)] = []
    result.reserveCapacity(text.utf8.count)
    for character in text {
      guard let first = character.unicodeScalars.first else { continue }
      let width = of(first)
      if width < 0 {
        result.append((replacement, 1))
      } else if width > 0 {
        result.append((String(character), min(width, 2)))
      }
    }
    return result
  }

  /// The longest prefix that fits in `width` columns; a wide grapheme that would straddle the edge
  /// is left out (never split), so the result may be one column narrower than `width`.
  public static func clip(_ text: some StringProtocol, to width: Int) -> String {
    guard width > 0 else { return "" }
    var used = 0
    var end = text.startIndex
    for index in text.indices {
      let w = of(text[index])
      if used + w > width { break }
      used += w
      end = text.index(after: index)
    }
    return String(text[text.startIndex..<end])
  }

  /// The part of `text` visible through a window `width` columns wide starting at column `start`
  /// (horizontal scrolling). A wide grapheme cut by either window edge shows as a space, so the
  /// result is exactly `width` columns when the text reaches that far.
  public static func slice(_ text: some StringProtocol, from start: Int, width: Int) -> String {
    guard width > 0 else { return "" }
    var result = ""
    var column = 0
    var used = 0
    for (grapheme, w) in cells(text) {
      defer { column += w }
      if column + w <= start { continue }
      if column < start {
        // Straddles the left edge: only its right part is in view.
        let visible = column + w - start
        result += String(repeating: " ", count: min(visible, width - used))
        used += min(visible, width - used)
      } else if used + w <= width {
        result += grapheme
        used += w
      } else {
        if used < width { result += " " }
        break
      }
      if used >= width { break }
    }
    return result
  }

  /// `text` if it fits in `width`, else clipped with `ellipsis` as the last column(s).
  public static func truncate(_ text: some StringProtocol, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if of(text) <= width { return String(text) }
    let ellipsisWidth = of(ellipsis)
    if ellipsisWidth > width { return clip(ellipsis, to: width) }
    return clip(text, to: width - ellipsisWidth) + ellipsis
  }

  /// `text` padded with spaces to exactly `width` columns (it must already fit).
  public static func pad(_ text: some StringProtocol, to width: Int, alignment: Alignment = .leading) -> String {
    let gap = max(0, width - of(text))
    switch alignment {
    case .leading: return String(text) + String(repeating: " ", count: gap)
    case .trailing: return String(repeating: " ", count: gap) + text
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
    }
  }

  /// Truncates (with ellipsis) and pads to exactly `width` columns: one table cell.
  public static func fit(
    _ text: some StringProtocol, to width: Int, alignment: Alignment = .leading, ellipsis: String = "…"
  ) -> String {
    pad(truncate(text, to: width, ellipsis: ellipsis), to: width, alignment: alignment)
  }

  /// Splits text into lines of at most `width` columns: at newlines, then at spaces where possible,
  /// else mid-word (by grapheme, never splitting a wide one).
  public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var rest = Substring(paragraph)
      if rest.isEmpty { lines.append("") }
      while !rest.isEmpty {
        if of(rest) <= width {
          lines.append(String(rest))
          break
        }
        let head = clip(rest, to: width)
        var cut = rest.index(rest.startIndex, offsetBy: max(1, head.count))
        // Prefer breaking after the last space inside the line.
        if let space = rest[rest.startIndex..<cut].lastIndex(of: " "), space > rest.startIndex {
          cut = rest.index(after: space)
        }
        lines.append(String(rest[rest.startIndex..<cut]).trimmingTrailingSpaces())
        rest = rest[cut...]
      }
    }
    return lines
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
