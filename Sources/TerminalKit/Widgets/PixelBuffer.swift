/// An RGB image in memory, row-major, for ``HalfBlockImage``.
public struct PixelBuffer: Hashable, Sendable {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// Pixels, row by row (`width * height` of them).
  public private(set) var pixels: [RGB]

  /// Creates an image; missing pixels are black and extra ones are dropped.
  public init(width: Int, height: Int, pixels: [RGB]) {
    self.width = max(0, width)
    self.height = max(0, height)
    let count = self.width * self.height
    self.pixels = Array(pixels.prefix(count)) + Array(repeating: RGB(0, 0, 0), count: max(0, count - pixels.count))
  }

  /// Creates an image by evaluating `pixel` at every coordinate.
  public init(width: Int, height: Int, pixel: (_ x: Int, _ y: Int) -> RGB) {
    var pixels: [RGB] = []
    pixels.reserveCapacity(max(0, width) * max(0, height))
    for y in 0..<max(0, height) {
      for x in 0..<max(0, width) { pixels.append(pixel(x, y)) }
    }
    self.init(width: width, height: height, pixels: pixels)
  }

  /// The pixel at (`x`, `y`).
  public subscript(x: Int, y: Int) -> RGB {
    get { pixels[y * width + x] }
    set { pixels[y * width + x] = newValue }
  }

  /// The image scaled (nearest neighbour) to fit within `maxWidth` × `maxHeight`, keeping its aspect.
  public func scaledToFit(maxWidth: Int, maxHeight: Int) -> PixelBuffer {
    guard width > 0, height > 0, maxWidth > 0, maxHeight > 0 else {
      return PixelBuffer(width: 0, height: 0, pixels: [])
    }
    if width <= maxWidth && height <= maxHeight { return self }
    let scale = min(Double(maxWidth) / Double(width), Double(maxHeight) / Double(height))
    let newWidth = max(1, Int(Double(width) * scale))
    let newHeight = max(1, Int(Double(height) * scale))
    return PixelBuffer(width: newWidth, height: newHeight) { x, y in
      self[min(width - 1, x * width / newWidth), min(height - 1, y * height / newHeight)]
    }
  }
}
