import Testing

@testable import TerminalKit

@Suite struct ColorDownsamplingTests {
  @Test func pureRedMapsToCubeIndex196() {
    #expect(ColorDownsampling.nearest256(RGB(255, 0, 0)) == 196)
  }

  @Test func cubeColoursMapToThemselves() {
    // 16 + 36*r + 6*g + b for levels (0,95,135,175,215,255).
    #expect(ColorDownsampling.nearest256(RGB(95, 135, 175)) == 16 + 36 * 1 + 6 * 2 + 3)
    #expect(ColorDownsampling.nearest256(RGB(0, 0, 0)) == 16)
    #expect(ColorDownsampling.nearest256(RGB(255, 255, 255)) == 231)
  }

  @Test func midGreyPrefersTheGreyRamp() {
    #expect(ColorDownsampling.nearest256(RGB(128, 128, 128)) == 244)
    #expect(ColorDownsampling.nearest256(RGB(238, 238, 238)) == 255)
    #expect(ColorDownsampling.nearest256(RGB(10, 10, 10)) == 232)
  }

  @Test func paletteIndexRoundTripsThroughRGB() {
    for index in UInt8(16)...255 {
      #expect(ColorDownsampling.nearest256(ColorDownsampling.rgb(ofIndex: index)) == index)
    }
  }

  @Test func rgbMapsToNearestOfSixteen() {
    #expect(ColorDownsampling.nearest16(RGB(250, 10, 10)) == 9)
    #expect(ColorDownsampling.nearest16(RGB(190, 0, 0)) == 1)
    #expect(ColorDownsampling.nearest16(RGB(0, 0, 0)) == 0)
    #expect(ColorDownsampling.nearest16(RGB(120, 120, 130)) == 8)
    #expect(ColorDownsampling.nearest16(RGB(250, 250, 250)) == 15)
  }

  @Test func downsampleStepsThroughEachDepth() {
    let orange = Color.rgb(255, 135, 0)
    #expect(orange.downsampled(to: .truecolor) == orange)
    #expect(orange.downsampled(to: .ansi256) == .indexed(208))
    #expect(Color.indexed(196).downsampled(to: .ansi16) == .ansi(9))
    #expect(Color.indexed(4).downsampled(to: .ansi16) == .ansi(4))
    #expect(orange.downsampled(to: .mono) == .default)
    #expect(Color.ansi(3).downsampled(to: .ansi256) == .ansi(3))
    #expect(Color.default.downsampled(to: .ansi16) == .default)
  }

  @Test func styleDownsamplingKeepsAttributes() {
    let style = Style(foreground: .rgb(255, 0, 0), background: .indexed(21), attributes: [.bold, .underline])
    let mono = style.downsampled(to: .mono)
    #expect(mono == Style(attributes: [.bold, .underline]))
  }
}

@Suite struct ColorDepthDetectionTests {
  @Test func noColorForcesMono() {
    #expect(ColorDepth.detect(terminfoColors: 256, environment: ["NO_COLOR": "1"], override: nil) == .mono)
  }

  @Test func emptyNoColorIsIgnored() {
    #expect(ColorDepth.detect(terminfoColors: 256, environment: ["NO_COLOR": ""], override: nil) == .ansi256)
  }

  @Test func colortermAloneDoesNotGiveTruecolorThroughA256ColourEntry() {
    #expect(
      ColorDepth.detect(terminfoColors: 256, environment: ["COLORTERM": "truecolor"], override: nil) == .ansi256)
  }

  @Test func directColourEntryGivesTruecolor() {
    #expect(
      ColorDepth.detect(terminfoColors: 1 << 24, environment: ["COLORTERM": "truecolor"], override: nil) == .truecolor)
  }

  @Test func eightColourEntryGivesSixteenAndNoneGivesMono() {
    #expect(ColorDepth.detect(terminfoColors: 8, environment: [:], override: nil) == .ansi16)
    #expect(ColorDepth.detect(terminfoColors: 0, environment: [:], override: nil) == .mono)
  }

  @Test func overrideWinsOverNoColorButIsCappedByTerminfo() {
    #expect(ColorDepth.detect(terminfoColors: 256, environment: ["NO_COLOR": "1"], override: .ansi16) == .ansi16)
    #expect(ColorDepth.detect(terminfoColors: 256, environment: [:], override: .truecolor) == .ansi256)
  }

  @Test func truecolorIsWantedFromColortermOrTheFlagButNotUnderNoColor() {
    #expect(ColorDepth.wantsTruecolor(environment: ["COLORTERM": "truecolor"], override: nil))
    #expect(ColorDepth.wantsTruecolor(environment: ["COLORTERM": "24bit"], override: nil))
    #expect(!ColorDepth.wantsTruecolor(environment: ["COLORTERM": "yes"], override: nil))
    #expect(!ColorDepth.wantsTruecolor(environment: ["COLORTERM": "truecolor", "NO_COLOR": "1"], override: nil))
    #expect(ColorDepth.wantsTruecolor(environment: [:], override: .truecolor))
    #expect(!ColorDepth.wantsTruecolor(environment: ["COLORTERM": "truecolor"], override: .ansi256))
  }

  @Test func directColourEntriesComeFromTheTerminalsFamily() {
    #expect(ColorDepth.directColorTerminalTypes(for: "xterm-256color", environment: [:]) == ["xterm-direct"])
    #expect(ColorDepth.directColorTerminalTypes(for: "tmux-256color", environment: [:]) == ["tmux-direct"])
    #expect(
      ColorDepth.directColorTerminalTypes(for: "screen-256color", environment: ["TMUX": "/tmp/x"]) == [
        "screen-direct", "tmux-direct",
      ])
    #expect(
      ColorDepth.directColorTerminalTypes(for: "xterm-kitty", environment: [:]) == [
        "xterm-kitty-direct", "xterm-direct",
      ])
    #expect(ColorDepth.directColorTerminalTypes(for: "xterm-direct", environment: [:]).isEmpty)
    #expect(ColorDepth.directColorTerminalTypes(for: "", environment: [:]).isEmpty)
  }
}
