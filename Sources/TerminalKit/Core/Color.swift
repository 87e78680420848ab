/// A colour as the caller means it; the terminal downsamples it to what it can draw.
public enum Color: Hashable, Sendable {
  /// The terminal's own default foreground or background.
  case `default`
  /// One of the 16 ANSI colours (0–7 normal, 8–15 bright); the user's palette decides the shade.
  case ansi(UInt8)
  /// An index into the xterm 256-colour palette.
  case indexed(UInt8)
  /// A 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)

  /// ANSI black (0).
  public static let black = Color.ansi(0)
  /// ANSI red (1).
  public static let red = Color.ansi(1)
  /// ANSI green (2).
  public static let green = Color.ansi(2)
  /// ANSI yellow (3).
  public static let yellow = Color.ansi(3)
  /// ANSI blue (4).
  public static let blue = Color.ansi(4)
  /// ANSI magenta (5).
  public static let magenta = Color.ansi(5)
  /// ANSI cyan (6).
  public static let cyan = Color.ansi(6)
  /// ANSI white (7), usually light grey.
  public static let white = Color.ansi(7)
  /// ANSI bright black (8), usually dark grey.
  public static let brightBlack = Color.ansi(8)
  /// ANSI bright white (15).
  public static let brightWhite = Color.ansi(15)
}

/// How many colours a terminal can show, from none to 24-bit.
public enum ColorDepth: Int, Comparable, Sendable, CaseIterable {
  /// No colour: only attributes (bold, reverse…) distinguish things.
  case mono = 0
  /// The 16 ANSI colours.
  case ansi16 = 1
  /// The xterm 256-colour palette.
  case ansi256 = 2
  /// 24-bit RGB.
  case truecolor = 3

  /// Orders depths from mono up to truecolor.
  public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An RGB triple used by the downsampling arithmetic.
public struct RGB: Hashable, Sendable {
  /// Red, 0–255.
  public var r: UInt8
  /// Green, 0–255.
  public var g: UInt8
  /// Blue, 0–255.
  public var b: UInt8

  /// Creates a colour from its three channels.
  public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
    self.r = r
    self.g = g
    self.b = b
  }

  /// Squared euclidean distance; plain RGB distance is what xterm and tmux use to pick palette entries.
  public func distanceSquared(to other: RGB) -> Int {
    let dr = Int(r) - Int(other.r)
    let dg = Int(g) - Int(other.g)
    let db = Int(b) - Int(other.b)
    return dr * dr + dg * dg + db * db
  }

  /// Perceived brightness 0–255 (Rec. 601 luma), used for density characters and mono decisions.
  public var luma: Int { (299 * Int(r) + 587 * Int(g) + 114 * Int(b)) / 1000 }
}
