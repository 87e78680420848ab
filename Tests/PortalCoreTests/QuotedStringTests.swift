import Foundation
import PortalCore
import Testing

struct QuotedStringTests {
  static let hostile = [
    "plain", "quote \" and backslash \\", "line\nfeed\r\ttab", "nul \u{0} bell \u{7} esc \u{1B}[31m",
    "del \u{7F} c1 \u{85}\u{9B}", "separators \u{2028}\u{2029} bom \u{FEFF}", "Café — 東京 🎉",
  ]

  @Test(arguments: hostile) func jsonReadsBackExactlyTheText(_ text: String) throws {
    let literal = QuotedString.literal(text)
    let decoded = try JSONSerialization.jsonObject(with: Data("[\(literal)]".utf8)) as? [String]
    #expect(decoded == [text])
  }

  @Test(arguments: hostile) func noControlOrSeparatorIsLeftRaw(_ text: String) {
    let raw = QuotedString.literal(text).unicodeScalars.filter {
      $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || [0x2028, 0x2029, 0xFEFF].contains($0.value)
    }
    #expect(raw.isEmpty)
  }
}
