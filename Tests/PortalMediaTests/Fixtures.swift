/// Minimal but well-formed headers for each supported binary format, built by hand so
/// tests need no fixture files.
enum Fixtures {
  static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
  static func be32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xFF) } }
  static func be64(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(value >> (56 - 8 * UInt64($0)) & 0xFF) } }
  static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
  static func le32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
  static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
  }

  static func pngChunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let body = ascii(type) + data
    return be32(data.count) + body + be32(Int(crc32(body)))
  }

  /// Signature, IHDR (8-bit RGB) and IEND: enough for detection and dimensions.
  static func png(width: Int, height: Int) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
      + pngChunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0]) + pngChunk("IEND", [])
  }

  /// SOI, a JFIF APP0 segment, a baseline SOF0 and EOI.
  static func jpeg(width: Int, height: Int, marker: UInt8 = 0xC0) -> [UInt8] {
    let app0: [UInt8] = [0xFF, 0xE0] + be16(16) + ascii("JFIF") + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
    let sof: [UInt8] =
      [0xFF, marker] + be16(17) + [8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]
    return [0xFF, 0xD8] + app0 + sof + [0xFF, 0xD9]
  }

  static func gif(width: Int, height: Int) -> [UInt8] {
    ascii("GIF89a") + le16(width) + le16(height) + [0, 0, 0] + [0x3B]
  }

  static func riff(_ form: String, _ chunks: [UInt8]) -> [UInt8] {
    ascii("RIFF") + le32(4 + chunks.count) + ascii(form) + chunks
  }

  static func webpVP8(width: Int, height: Int) -> [UInt8] {
    let data: [UInt8] = [0x9D, 0x00, 0x00, 0x9D, 0x01, 0x2A] + le16(width) + le16(height) + [0, 0]
    return riff("WEBP", ascii("VP8 ") + le32(data.count) + data)
  }

  static func webpVP8L(width: Int, height: Int) -> [UInt8] {
    let bits = (width - 1) | (height - 1) << 14
    let data: [UInt8] = [0x2F] + le32(bits) + [0, 0, 0]
    return riff("WEBP", ascii("VP8L") + le32(data.count) + data)
  }

  static func webpVP8X(width: Int, height: Int) -> [UInt8] {
    let w = width - 1
    let h = height - 1
    let data: [UInt8] =
      [0, 0, 0, 0] + [UInt8(w & 0xFF), UInt8(w >> 8 & 0xFF), UInt8(w >> 16 & 0xFF)]
      + [UInt8(h & 0xFF), UInt8(h >> 8 & 0xFF), UInt8(h >> 16 & 0xFF)]
    return riff("WEBP", ascii("VP8X") + le32(data.count) + data)
  }

  /// A WAV with a `fmt ` chunk, an optional odd-sized chunk before the data (padded),
  /// and a data chunk declaring `dataBytes` but holding only `presentBytes`.
  static func wav(
    formatTag: Int = 1, channels: Int, sampleRate: Int, bits: Int, dataBytes: Int, presentBytes: Int? = nil,
    extensibleSubformat: Int? = nil, oddChunkBeforeData: Bool = false
  ) -> [UInt8] {
    let blockAlign = channels * bits / 8
    var format: [UInt8] =
      le16(extensibleSubformat == nil ? formatTag : 0xFFFE) + le16(channels) + le32(sampleRate)
      + le32(sampleRate * blockAlign) + le16(blockAlign) + le16(bits)
    if let subformat = extensibleSubformat {
      format +=
        le16(22) + le16(bits) + le32(3) + le16(subformat) + [
          0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
        ]
    }
    var chunks = ascii("fmt ") + le32(format.count) + format
    if oddChunkBeforeData { chunks += ascii("LIST") + le32(3) + [1, 2, 3, 0] }
    chunks += ascii("data") + le32(dataBytes) + [UInt8](repeating: 0, count: presentBytes ?? dataBytes)
    return riff("WAVE", chunks)
  }

  static func flac(sampleRate: Int, channels: Int, bits: Int, totalSamples: UInt64) -> [UInt8] {
    var info: [UInt8] = be16(4096) + be16(4096) + [0, 0, 0] + [0, 0, 0]
    info.append(UInt8(sampleRate >> 12 & 0xFF))
    info.append(UInt8(sampleRate >> 4 & 0xFF))
    info.append(UInt8((sampleRate & 0x0F) << 4 | (channels - 1) << 1 | (bits - 1) >> 4))
    info.append(UInt8(((bits - 1) & 0x0F) << 4 | Int(totalSamples >> 32 & 0x0F)))
    info += be32(Int(totalSamples & 0xFFFF_FFFF)) + [UInt8](repeating: 0, count: 16)
    return ascii("fLaC") + [0x80, 0, 0, 34] + info
  }

  static func box(_ type: String, _ data: [UInt8]) -> [UInt8] { be32(8 + data.count) + ascii(type) + data }

  /// ftyp, a media data box (before or after the movie box), and moov/mvhd.
  static func mp4(version: UInt8, timescale: Int, duration: UInt64, mdatFirst: Bool = true) -> [UInt8] {
    let times: [UInt8] =
      version == 1
      ? be64(0) + be64(0) + be32(timescale) + be64(duration)
      : be32(0) + be32(0) + be32(timescale) + be32(Int(duration))
    let mvhd = box("mvhd", [version, 0, 0, 0] + times + [UInt8](repeating: 0, count: 80))
    let moov = box("moov", mvhd)
    let ftyp = box("ftyp", ascii("isom") + be32(512) + ascii("isomiso2mp41"))
    let mdat = box("mdat", [UInt8](repeating: 0xAB, count: 1000))
    return ftyp + (mdatFirst ? mdat + moov : moov + mdat)
  }

  static func ebml(docType: String) -> [UInt8] {
    let doc = ascii(docType)
    let body: [UInt8] = [0x42, 0x86, 0x81, 0x01] + [0x42, 0x82, 0x80 | UInt8(doc.count)] + doc
    return [0x1A, 0x45, 0xDF, 0xA3, 0x80 | UInt8(body.count)] + body + [0x18, 0x53, 0x80, 0x67]
  }
}
