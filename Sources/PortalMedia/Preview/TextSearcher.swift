/// Finds a query in a text sample by reading chunks forwards or backwards, never the
/// whole file at once; a search stops after `budget` bytes and says where, so a caller
/// can go on from there.
struct TextSearcher {
  let file: SampleFile
  let encoding: TextEncodingGuess
  static let chunk = 1 << 20
  static let budget: Int64 = 512 << 20

  /// The query as bytes of the sample's encoding (ASCII letters folded to lower case
  /// for single-byte encodings), or nil if it cannot be encoded.
  func needle(_ query: String) -> [UInt8]? {
    guard !query.isEmpty else { return nil }
    switch encoding {
    case .utf8, .utf8BOM: return query.utf8.map(Self.fold)
    case .windows1252:
      var bytes: [UInt8] = []
      for scalar in query.unicodeScalars {
        guard scalar.value < 0x100 else { return nil }
        bytes.append(Self.fold(UInt8(scalar.value)))
      }
      return bytes
    case .utf16LE, .utf16BE:
      return query.utf16.flatMap { unit -> [UInt8] in
        let high = UInt8(unit >> 8)
        let low = UInt8(unit & 0xFF)
        return encoding == .utf16LE ? [low, high] : [high, low]
      }
    }
  }

  @inline(__always)
  static func fold(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// Runs `search`; the outcome's match is the offset of the first byte matched.
  func run(_ search: TextSearch, textStart: Int64) -> TextSearchOutcome {
    guard let needle = needle(search.query) else {
      return TextSearchOutcome(query: search.query, match: nil, complete: true, searchedTo: textStart)
    }
    let unit: Int64 = encoding.isASCIICompatible ? 1 : 2
    let folds = encoding.isASCIICompatible
    let overlap = needle.count - 1
    if search.forward {
      var position = search.from < 0 ? textStart : search.from + unit
      let budgetEnd = position + Self.budget
      while position < file.size {
        let bytes = file.bytes(at: position, count: Self.chunk + overlap)
        if let found = Self.firstMatch(
          needle, in: bytes, folds: folds, aligned: { (position + Int64($0) - textStart) % unit == 0 })
        {
          return TextSearchOutcome(
            query: search.query, match: position + Int64(found), complete: true, searchedTo: position)
        }
        position += Int64(Self.chunk)
        if position >= budgetEnd && position < file.size {
          return TextSearchOutcome(query: search.query, match: nil, complete: false, searchedTo: position)
        }
      }
      return TextSearchOutcome(query: search.query, match: nil, complete: true, searchedTo: file.size)
    }
    var end = search.from < 0 ? file.size : search.from
    let budgetStart = end - Self.budget
    while end > textStart {
      let from = max(textStart, end - Int64(Self.chunk))
      let bytes = file.bytes(at: from, count: Int(end - from) + overlap)
      let limit = Int(end - from)
      if let found = Self.lastMatch(
        needle, in: bytes, before: limit, folds: folds, aligned: { (from + Int64($0) - textStart) % unit == 0 })
      {
        return TextSearchOutcome(query: search.query, match: from + Int64(found), complete: true, searchedTo: from)
      }
      end = from
      if end <= budgetStart && end > textStart {
        return TextSearchOutcome(query: search.query, match: nil, complete: false, searchedTo: end)
      }
    }
    return TextSearchOutcome(query: search.query, match: nil, complete: true, searchedTo: textStart)
  }

  static func matches(_ needle: [UInt8], _ raw: UnsafeBufferPointer<UInt8>, at index: Int, folds: Bool) -> Bool {
    for offset in 0..<needle.count {
      let byte = raw[index + offset]
      if (folds ? fold(byte) : byte) != needle[offset] { return false }
    }
    return true
  }

  static func firstMatch(_ needle: [UInt8], in bytes: [UInt8], folds: Bool, aligned: (Int) -> Bool) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    return bytes.withUnsafeBufferPointer { raw in
      for index in 0...(raw.count - needle.count) where matches(needle, raw, at: index, folds: folds) && aligned(index)
      {
        return index
      }
      return nil
    }
  }

  /// The last match starting before `limit`.
  static func lastMatch(_ needle: [UInt8], in bytes: [UInt8], before limit: Int, folds: Bool, aligned: (Int) -> Bool)
    -> Int?
  {
    guard bytes.count >= needle.count else { return nil }
    return bytes.withUnsafeBufferPointer { raw in
      var index = min(limit - 1, raw.count - needle.count)
      while index >= 0 {
        if matches(needle, raw, at: index, folds: folds) && aligned(index) { return index }
        index -= 1
      }
      return nil
    }
  }
}
