/// Duration of an MP4/QuickTime file from `moov/mvhd` (version 0 or 1), found by
/// walking box headers: media data (`mdat`) is jumped over, never read.
enum MP4Boxes {
  /// Boxes visited before giving up on a file.
  private static let maxBoxes = 100_000

  static func read(_ source: some ByteSource) -> MediaFacts {
    var visited = 0
    guard let moov = find("moov", in: 0..<source.size, source: source, visited: &visited) else {
      return .problem(
        visited >= maxBoxes ? "corrupt MP4: too many boxes" : "truncated or corrupt MP4: no movie header (moov) found")
    }
    guard let mvhd = find("mvhd", in: moov, source: source, visited: &visited) else {
      return .problem("corrupt MP4: the movie box has no mvhd header")
    }
    let header = source.bytes(at: mvhd.lowerBound, count: 32)
    guard let version = header.first else { return .problem("truncated MP4 movie header") }
    let timescale: UInt32?
    let duration: UInt64?
    if version == 1 {
      timescale = header.uint32BE(20)
      duration = header.uint64BE(24)
    } else {
      timescale = header.uint32BE(12)
      duration = header.uint32BE(16).map { $0 == .max ? .max : UInt64($0) }
    }
    guard let timescale, let duration else { return .problem("truncated MP4 movie header") }
    guard timescale > 0 else { return .problem("corrupt MP4 movie header: zero timescale") }
    var facts = MediaFacts()
    // All ones means "unknown"; beyond Int64 milliseconds is corrupt, not a film.
    let millis = Double(duration) * 1000 / Double(timescale)
    if duration != .max && millis < Double(Int64.max) { facts.durationMillis = Int64(millis) }
    return facts
  }

  /// The content range of the first box named `name` directly inside `range`.
  private static func find(
    _ name: String, in range: Range<Int64>, source: some ByteSource, visited: inout Int
  ) -> Range<Int64>? {
    var position = range.lowerBound
    while position + 8 <= range.upperBound && visited < maxBoxes {
      visited += 1
      let header = source.bytes(at: position, count: 16)
      guard let size32 = header.uint32BE(0), let type = header.fourCC(4) else { return nil }
      var headerLength: Int64 = 8
      var size = Int64(size32)
      if size32 == 1 {
        guard let large = header.uint64BE(8), large <= UInt64(Int64.max) else { return nil }
        size = Int64(large)
        headerLength = 16
      } else if size32 == 0 {
        size = range.upperBound - position  // extends to the end of its parent
      }
      guard size >= headerLength else { return nil }
      let end = position + min(size, range.upperBound - position)
      if type == name { return (position + headerLength)..<end }
      guard size <= range.upperBound - position else { return nil }
      position += size
    }
    return nil
  }
}
