/// An 8-bit RGB image held by a preview (PortalMedia's own type: it imports no terminal
/// code; the renderer converts it to TerminalKit's pixel buffer).
public struct PreviewImage: Sendable, Hashable {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// Row-major RGB triples, `width * height * 3` bytes.
  public let rgb: [UInt8]

  /// Creates an image; a buffer of the wrong length gives an empty image.
  public init(width: Int, height: Int, rgb: [UInt8]) {
    if width > 0, height > 0, rgb.count == width * height * 3 {
      self.width = width
      self.height = height
      self.rgb = rgb
    } else {
      self.width = 0
      self.height = 0
      self.rgb = []
    }
  }

  /// The colour at (`x`, `y`).
  public func pixel(_ x: Int, _ y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
    let index = (y * width + x) * 3
    return (rgb[index], rgb[index + 1], rgb[index + 2])
  }

  /// The image reduced to fit within `maxWidth` × `maxHeight` pixels, keeping its aspect:
  /// each output pixel averages the source pixels it covers (a box filter, so fine
  /// detail turns into the right average colour instead of nearest-neighbour noise).
  /// Images that already fit are returned unchanged.
  public func fitted(maxWidth: Int, maxHeight: Int) -> PreviewImage {
    guard width > 0, height > 0, maxWidth > 0, maxHeight > 0 else { return self }
    if width <= maxWidth && height <= maxHeight { return self }
    let scale = min(Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
    let newWidth = max(1, min(maxWidth, Int((Double(width) * scale).rounded())))
    let newHeight = max(1, min(maxHeight, Int((Double(height) * scale).rounded())))
    var out = [UInt8](repeating: 0, count: newWidth * newHeight * 3)
    rgb.withUnsafeBufferPointer { source in
      for y in 0..<newHeight {
        let y0 = y * height / newHeight
        let y1 = max(y0 + 1, (y + 1) * height / newHeight)
        for x in 0..<newWidth {
          let x0 = x * width / newWidth
          let x1 = max(x0 + 1, (x + 1) * width / newWidth)
          var r = 0
          var g = 0
          var b = 0
          for sy in y0..<y1 {
            var index = (sy * width + x0) * 3
            for _ in x0..<x1 {
              r += Int(source[index])
              g += Int(source[index + 1])
              b += Int(source[index + 2])
              index += 3
            }
          }
          let count = (y1 - y0) * (x1 - x0)
          let target = (y * newWidth + x) * 3
          out[target] = UInt8(r / count)
          out[target + 1] = UInt8(g / count)
          out[target + 2] = UInt8(b / count)
        }
      }
    }
    return PreviewImage(width: newWidth, height: newHeight, rgb: out)
  }
}
