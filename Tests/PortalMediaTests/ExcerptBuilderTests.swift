import Testing

@testable import PortalMedia

/// The excerpt builder's fast path (eight plain ASCII bytes at a time) must give exactly
/// what the rules give scalar by scalar: whitespace runs become one space, controls and
/// invisible formatting vanish, at most `limit` scalars.
struct ExcerptBuilderTests {
  /// The rules, one Unicode scalar at a time, with none of the builder's shortcuts.
  static func reference(_ bytes: [UInt8], limit: Int) -> String? {
    var output = String.UnicodeScalarView()
    var count = 0
    var pendingSpace = false
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      let value = scalar.value
      if UnicodeClass.isWhitespace(value) {
        pendingSpace = count > 0
        continue
      }
      if UnicodeClass.isControl(value) || UnicodeClass.isBidiControl(value) || UnicodeClass.isInvisibleFormat(value) {
        continue
      }
      if pendingSpace {
        guard count + 1 < limit else { break }
        output.append(" ")
        count += 1
        pendingSpace = false
      }
      output.append(scalar)
      count += 1
      if count >= limit { break }
    }
    return count == 0 ? nil : String(output)
  }

  /// Text-like bytes: words and single spaces mostly, with the cases the fast path must
  /// hand over: double spaces, tabs, line breaks, controls, DEL, multi-byte UTF-8,
  /// invalid bytes and bidi overrides.
  static func textLike(_ generator: inout SeededGenerator) -> [UInt8] {
    let pieces: [[UInt8]] = [
      Array("harbour".utf8), Array("a".utf8), Array("record".utf8), Array("x1,".utf8), [0x20], [0x20], [0x20],
      [0x20, 0x20], [0x09], [0x0A], [0x0D, 0x0A], [0x01], [0x7F], Array("é".utf8), Array("日本".utf8),
      [0xFF], [0xE2, 0x80, 0xAE], [0xC2, 0xA0], Array("~!".utf8),
    ]
    var bytes: [UInt8] = []
    let length = Int.random(in: 0...400, using: &generator)
    while bytes.count < length {
      bytes += pieces[Int.random(in: 0..<pieces.count, using: &generator)]
    }
    return bytes
  }

  @Test func matchesTheScalarRulesOnRandomText() {
    var generator = SeededGenerator(state: 20_261_126)
    for limit in [1, 2, 8, 9, 10, 17, 40, ExcerptBuilder.defaultLimit] {
      var builder = ExcerptBuilder(limit: limit)
      for _ in 0..<1_500 {
        let bytes = Self.textLike(&generator)
        let excerpt = builder.excerpt(bytes, encoding: .utf8)
        #expect(excerpt == Self.reference(bytes, limit: limit), "limit \(limit), input \(bytes)")
      }
    }
  }

  @Test func keepsPlainTextAsItIsAndCollapsesRuns() {
    var builder = ExcerptBuilder(limit: 280)
    #expect(
      builder.excerpt(Array("harbour archive press council".utf8), encoding: .utf8) == "harbour archive press council")
    #expect(builder.excerpt(Array("  lead\t\ttabs  and   runs \n".utf8), encoding: .utf8) == "lead tabs and runs")
    #expect(builder.excerpt(Array("exactly8 12345678 ".utf8), encoding: .utf8) == "exactly8 12345678")
    #expect(builder.excerpt(Array(" \n\t ".utf8), encoding: .utf8) == nil)
  }

  @Test func stopsAtTheLimitOnTheFastPath() {
    var builder = ExcerptBuilder(limit: 20)
    let text = String(repeating: "abcdefg ", count: 10)
    let excerpt = builder.excerpt(Array(text.utf8), encoding: .utf8)
    #expect(excerpt == Self.reference(Array(text.utf8), limit: 20))
    #expect(excerpt?.unicodeScalars.count == 20)
  }
}
