/// Width and height from image headers: PNG `IHDR`, GIF logical screen, JPEG `SOFn`,
/// WebP `VP8 `/`VP8L`/`VP8X`. Reads a few dozen bytes, or walks JPEG segments by their
/// lengths without reading them.
enum ImageHeaders {
  static func png(_ source: some ByteSource) -> MediaFacts {
    let header = source.bytes(at: 0, count: 24)
    guard let width = header.uint32BE(16), let height = header.uint32BE(20) else {
      return .problem("truncated PNG header")
    }
    guard header.fourCC(12) == "IHDR" else { return .problem("corrupt PNG header: the first chunk is not IHDR") }
    return .image(width: Int(width), height: Int(height), format: "PNG")
  }

  static func gif(_ source: some ByteSource) -> MediaFacts {
    let header = source.bytes(at: 0, count: 10)
    guard let width = header.uint16LE(6), let height = header.uint16LE(8) else {
      return .problem("truncated GIF header")
    }
    return .image(width: Int(width), height: Int(height), format: "GIF")
  }

  /// Walks the markers after SOI to the first start-of-frame (baseline, progressive,
  /// lossless or arithmetic); the scan data (SOS) ends the search.
  static func jpeg(_ source: some ByteSource) -> MediaFacts {
    var position: Int64 = 2
    for _ in 0..<65_536 {
      let marker = source.bytes(at: position, count: 2)
      guard marker.count == 2 else { return .problem("truncated JPEG header: no frame header (SOF) found") }
      guard marker[0] == 0xFF else { return .problem("corrupt JPEG header: expected a marker at byte \(position)") }
      switch marker[1] {
      case 0xFF:
        position += 1  // fill byte
        continue
      case 0x01, 0xD0...0xD8:
        position += 2  // markers without a length
        continue
      case 0xD9, 0xDA:
        return .problem("corrupt JPEG header: image data starts before any frame header (SOF)")
      default: break
      }
      let segment = source.bytes(at: position, count: 9)
      guard let length = segment.uint16BE(2) else { return .problem("truncated JPEG header") }
      guard length >= 2 else { return .problem("corrupt JPEG header: segment length \(length) at byte \(position)") }
      if [0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF].contains(marker[1]) {
        guard let height = segment.uint16BE(5), let width = segment.uint16BE(7) else {
          return .problem("truncated JPEG header: frame header cut short")
        }
        return .image(width: Int(width), height: Int(height), format: "JPEG")
      }
      position += 2 + Int64(length)
    }
    return .problem("corrupt JPEG header: too many segments before the frame header")
  }

  static func webp(_ source: some ByteSource) -> MediaFacts {
    let header = source.bytes(at: 0, count: 30)
    guard let chunk = header.fourCC(12) else { return .problem("truncated WebP header") }
    switch chunk {
    case "VP8 ":
      guard header.count >= 30 else { return .problem("truncated WebP header") }
      guard header[23] == 0x9D, header[24] == 0x01, header[25] == 0x2A,
        let width = header.uint16LE(26), let height = header.uint16LE(28)
      else { return .problem("corrupt WebP header: bad VP8 start code") }
      return .image(width: Int(width & 0x3FFF), height: Int(height & 0x3FFF), format: "WebP")
    case "VP8L":
      guard header.count >= 25 else { return .problem("truncated WebP header") }
      guard header[20] == 0x2F, let bits = header.uint32LE(21) else {
        return .problem("corrupt WebP header: bad VP8L signature")
      }
      return .image(width: Int(bits & 0x3FFF) + 1, height: Int((bits >> 14) & 0x3FFF) + 1, format: "WebP")
    case "VP8X":
      guard header.count >= 30 else { return .problem("truncated WebP header") }
      let width = Int(header[24]) | Int(header[25]) << 8 | Int(header[26]) << 16
      let height = Int(header[27]) | Int(header[28]) << 8 | Int(header[29]) << 16
      return .image(width: width + 1, height: height + 1, format: "WebP")
    default:
      return .problem("corrupt WebP header: unknown first chunk")
    }
  }
}
