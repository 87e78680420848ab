/// Makes the short, search-indexed excerpt of a sample: the beginning of its text with
/// whitespace runs collapsed to one space, control and invisible formatting characters
/// removed, at most `limit` Unicode scalars (so at most `limit` characters).
///
/// Owns a scratch buffer reused across records, so one excerpt costs one String
/// allocation; use one builder per thread.
struct ExcerptBuilder {
  /// The default and maximum excerpt length in characters.
  static let defaultLimit = 280

  let limit: Int
  private var scratch: [UInt8] = []

  init(limit: Int = defaultLimit) {
    self.limit = limit
    scratch.reserveCapacity(limit * 4)
  }

  /// The excerpt of `bytes` decoded as `encoding`, or nil if nothing visible remains.
  mutating func excerpt(_ bytes: UnsafeRawBufferPointer, encoding: TextEncodingGuess) -> String? {
    scratch.removeAll(keepingCapacity: true)
    var scalars = 0
    var pendingSpace = false
    let limit = limit
    TextDecoding.forEachScalar(bytes, encoding: encoding) { value in
      if UnicodeClass.isWhitespace(value) {
        pendingSpace = scalars > 0
        return true
      }
      if UnicodeClass.isControl(value) || UnicodeClass.isBidiControl(value) || UnicodeClass.isInvisibleFormat(value) {
        return true
      }
      if pendingSpace {
        guard scalars + 1 < limit else { return false }
        scratch.append(0x20)
        scalars += 1
        pendingSpace = false
      }
      UnicodeClass.appendUTF8(value, to: &scratch)
      scalars += 1
      return scalars < limit
    }
    guard !scratch.isEmpty else { return nil }
    return String(decoding: scratch, as: UTF8.self)
  }

  /// The excerpt of a byte array (tests, small inputs).
  mutating func excerpt(_ bytes: [UInt8], encoding: TextEncodingGuess) -> String? {
    bytes.withUnsafeBytes { excerpt($0, encoding: encoding) }
  }
}
