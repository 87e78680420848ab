import TerminalKitTesting
import Testing

@testable import TerminalKit

@Suite struct ImageSnapshotTests {
  /// 6×6 pixels: a red-to-blue gradient over a grey ramp, small enough to review by eye.
  static let image = PixelBuffer(width: 6, height: 6) { x, y in
    y < 3 ? RGB(UInt8(255 - 50 * x), 0, UInt8(50 * x)) : RGB(UInt8(40 * x + 20), UInt8(40 * x + 20), UInt8(40 * x + 20))
  }

  @Test func truecolourHalfBlocksUseUpperPixelAsForeground() {
    assertRendering("image_truecolor", size: Size(width: 6, height: 3), depth: .truecolor) { terminal in
      HalfBlockImage(image: Self.image).render(into: terminal, in: Rect(size: terminal.size))
    }
  }

  @Test func sixteenColourImageIsDithered() {
    for method in [DitherMethod.ordered, .floydSteinberg] {
      assertRendering(
        "image_ansi16_\(method == .ordered ? "ordered" : "floyd")", size: Size(width: 6, height: 3), depth: .ansi16
      ) {
        terminal in
        HalfBlockImage(image: Self.image, dithering: method).render(into: terminal, in: Rect(size: terminal.size))
      }
    }
  }

  @Test func asciiImageUsesDensityCharacters() {
    assertRendering("image_ascii", size: Size(width: 6, height: 3), depth: .mono, glyphs: .ascii) { terminal in
      HalfBlockImage(image: Self.image).render(into: terminal, in: Rect(size: terminal.size))
    }
  }

  @Test func halfBlockCellCarriesBothPixels() {
    let image = PixelBuffer(width: 1, height: 2, pixels: [RGB(255, 0, 0), RGB(0, 0, 255)])
    let terminal = VirtualTerminal(size: Size(width: 2, height: 1), colorDepth: .truecolor)
    HalfBlockImage(image: image).render(into: terminal, in: Rect(size: terminal.size))
    terminal.present()
    let cell = terminal.cell(at: Point(x: 0, y: 0))
    #expect(cell.grapheme == "▀")
    #expect(cell.style == Style(foreground: .rgb(255, 0, 0), background: .rgb(0, 0, 255)))
  }

  @Test func largeImageIsScaledToFitKeepingAspect() {
    let big = PixelBuffer(width: 100, height: 50) { _, _ in RGB(1, 2, 3) }
    let fitted = big.scaledToFit(maxWidth: 20, maxHeight: 20)
    #expect(fitted.width == 20 && fitted.height == 10)
  }

  @Test func floydSteinbergPreservesAverageBrightnessOfAFlatGrey() {
    // A flat mid grey has no exact palette match; diffusion mixes shades so the mean stays close.
    let grey = PixelBuffer(width: 16, height: 16) { _, _ in RGB(64, 64, 64) }
    let indices = Dithering.ansi16Indices(grey, method: .floydSteinberg)
    let mean = indices.map { ColorDownsampling.ansiPalette[Int($0)].luma }.reduce(0, +) / indices.count
    #expect(abs(mean - 64) <= 8)
    #expect(Set(indices).count > 1)
    let flat = Dithering.ansi16Indices(grey, method: .none)
    #expect(Set(flat).count == 1)
  }
}
