/// How an image is reduced to the 16 ANSI colours.
public enum DitherMethod: Hashable, Sendable {
  /// Nearest colour per pixel (flat areas band).
  case none
  /// A 4×4 Bayer threshold pattern: stable between frames, good for animations and scrolling.
  case ordered
  /// Error diffusion: the closest look for still images.
  case floydSteinberg
}

/// Pure functions mapping an image to ANSI palette indices.
public enum Dithering {
  static let bayer4: [Int] = [0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5]
  /// How far (±) the Bayer pattern pushes a channel; about half the palette's channel step.
  static let orderedSpread = 64.0

  /// One ANSI index (0–15) per pixel, row-major.
  public static func ansi16Indices(_ image: PixelBuffer, method: DitherMethod) -> [UInt8] {
    switch method {
    case .none:
      return image.pixels.map(ColorDownsampling.nearest16)
    case .ordered:
      var result: [UInt8] = []
      result.reserveCapacity(image.pixels.count)
      for y in 0..<image.height {
        for x in 0..<image.width {
          let threshold = (Double(bayer4[(y % 4) * 4 + x % 4]) + 0.5) / 16 - 0.5
          let offset = threshold * orderedSpread
          let p = image[x, y]
          result.append(
            ColorDownsampling.nearest16(
              RGB(clamp(Double(p.r) + offset), clamp(Double(p.g) + offset), clamp(Double(p.b) + offset))))
        }
      }
      return result
    case .floydSteinberg:
      return floydSteinberg(image)
    }
  }

  private static func floydSteinberg(_ image: PixelBuffer) -> [UInt8] {
    let width = image.width
    var channels = image.pixels.map { [Double($0.r), Double($0.g), Double($0.b)] }
    var result = [UInt8](repeating: 0, count: channels.count)
    func spread(_ x: Int, _ y: Int, _ error: [Double], _ weight: Double) {
      guard x >= 0, x < width, y < image.height else { return }
      for c in 0..<3 { channels[y * width + x][c] += error[c] * weight }
    }
    for y in 0..<image.height {
      for x in 0..<width {
        let value = channels[y * width + x]
        let index = ColorDownsampling.nearest16(RGB(clamp(value[0]), clamp(value[1]), clamp(value[2])))
        result[y * width + x] = index
        let chosen = ColorDownsampling.ansiPalette[Int(index)]
        let error = [value[0] - Double(chosen.r), value[1] - Double(chosen.g), value[2] - Double(chosen.b)]
        spread(x + 1, y, error, 7.0 / 16)
        spread(x - 1, y + 1, error, 3.0 / 16)
        spread(x, y + 1, error, 5.0 / 16)
        spread(x + 1, y + 1, error, 1.0 / 16)
      }
    }
    return result
  }

  private static func clamp(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }
}
