/// Pure functions that step a colour down: truecolor → 256 (6×6×6 cube + grey ramp) → 16 → mono.
public enum ColorDownsampling {
  /// The six channel levels of the xterm colour cube (indices 16–231).
  public static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

  /// xterm's default shades for the 16 ANSI colours; real terminals differ, which is why
  /// ANSI colours are passed through as indices rather than converted whenever possible.
  public static let ansiPalette: [RGB] = [
    RGB(0, 0, 0), RGB(205, 0, 0), RGB(0, 205, 0), RGB(205, 205, 0),
    RGB(0, 0, 238), RGB(205, 0, 205), RGB(0, 205, 205), RGB(229, 229, 229),
    RGB(127, 127, 127), RGB(255, 0, 0), RGB(0, 255, 0), RGB(255, 255, 0),
    RGB(92, 92, 255), RGB(255, 0, 255), RGB(0, 255, 255), RGB(255, 255, 255),
  ]

  /// The RGB value of an xterm 256-palette index.
  public static func rgb(ofIndex index: UInt8) -> RGB {
    switch index {
    case 0..<16:
      return ansiPalette[Int(index)]
    case 16..<232:
      let n = Int(index) - 16
      return RGB(cubeLevels[n / 36], cubeLevels[(n / 6) % 6], cubeLevels[n % 6])
    default:
      let grey = UInt8(8 + 10 * (Int(index) - 232))
      return RGB(grey, grey, grey)
    }
  }

  /// The nearest 256-palette index (16–255) to an RGB colour: best of the cube and the grey ramp.
  public static func nearest256(_ color: RGB) -> UInt8 {
    let ri = nearestCubeStep(color.r)
    let gi = nearestCubeStep(color.g)
    let bi = nearestCubeStep(color.b)
    let cubeIndex = UInt8(16 + 36 * ri + 6 * gi + bi)
    let average = (Int(color.r) + Int(color.g) + Int(color.b)) / 3
    // The ramp runs 8, 18, …, 238; clamp so near-black and near-white stay on the ramp.
    let greyStep = min(23, max(0, (average - 3) / 10))
    let greyIndex = UInt8(232 + greyStep)
    let cubeDistance = rgb(ofIndex: cubeIndex).distanceSquared(to: color)
    let greyDistance = rgb(ofIndex: greyIndex).distanceSquared(to: color)
    return greyDistance < cubeDistance ? greyIndex : cubeIndex
  }

  /// The nearest of the 16 ANSI colours to an RGB colour.
  public static func nearest16(_ color: RGB) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for (index, candidate) in ansiPalette.enumerated() {
      let distance = candidate.distanceSquared(to: color)
      if distance < bestDistance {
        best = index
        bestDistance = distance
      }
    }
    return UInt8(best)
  }

  /// Steps `color` down to what `depth` can show; colours already within reach are unchanged.
  public static func downsample(_ color: Color, to depth: ColorDepth) -> Color {
    switch (color, depth) {
    case (.default, _), (_, .truecolor):
      return color
    case (_, .mono):
      return .default
    case (.ansi, _):
      return color
    case (.indexed(let index), .ansi256):
      return .indexed(index)
    case (.indexed(let index), .ansi16):
      return .ansi(index < 16 ? index : nearest16(rgb(ofIndex: index)))
    case (.rgb(let r, let g, let b), .ansi256):
      return .indexed(nearest256(RGB(r, g, b)))
    case (.rgb(let r, let g, let b), .ansi16):
      return .ansi(nearest16(RGB(r, g, b)))
    }
  }

  /// The RGB value a colour stands for, or nil for the terminal default.
  public static func rgb(of color: Color) -> RGB? {
    switch color {
    case .default: return nil
    case .ansi(let index): return ansiPalette[Int(index & 15)]
    case .indexed(let index): return rgb(ofIndex: index)
    case .rgb(let r, let g, let b): return RGB(r, g, b)
    }
  }

  private static func nearestCubeStep(_ value: UInt8) -> Int {
    // Levels are 0, 95, then every 40: midpoints decide.
    if value < 48 { return 0 }
    if value < 115 { return 1 }
    return min(5, (Int(value) - 35) / 40)
  }
}

extension Color {
  /// This colour stepped down to `depth` (see ``ColorDownsampling/downsample(_:to:)``).
  public func downsampled(to depth: ColorDepth) -> Color {
    ColorDownsampling.downsample(self, to: depth)
  }
}
