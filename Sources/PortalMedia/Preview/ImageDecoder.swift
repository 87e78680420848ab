import CJPEG
import CPNG
import PortalCore

/// Decodes still images for previews: PNG with libpng, JPEG with libjpeg (at a reduced
/// DCT scale when the pane is small), GIF and WebP through ffmpeg (their first frame,
/// converted to PNG). Declared sizes are checked against a memory limit before any
/// pixel is decoded, so a decompression bomb costs nothing.
enum ImageDecoder {
  /// A decoded image and what the file declared.
  struct Decoded {
    var image: PreviewImage
    var declaredWidth: Int
    var declaredHeight: Int
    var notes: [String] = []
  }

  /// Decodes `path` (whole-file image) scaled to fit `maxWidth` × `maxHeight` pixels.
  static func decode(
    path: String, type: MediaType, maxWidth: Int, maxHeight: Int, maxBytes: Int, timeout: Double
  ) throws(PreviewError) -> Decoded {
    var decoded: Decoded
    switch type {
    case .png: decoded = try png(path: path, maxBytes: maxBytes)
    case .jpeg: decoded = try jpeg(path: path, maxWidth: maxWidth, maxHeight: maxHeight, maxBytes: maxBytes)
    case .gif, .webp:
      // The header gives the real size (ffmpeg's frame is already scaled down), and a
      // bomb is refused before ffmpeg would allocate it.
      let head = (try? SampleFile(path: path))?.bytes(at: 0, count: 64) ?? []
      let facts = MediaFacts.read(type, from: head)
      let width = facts.width ?? 0
      let height = facts.height ?? 0
      if Int64(width) * Int64(height) * 3 > Int64(maxBytes) {
        throw .tooLarge(bombMessage(width: width, height: height, maxBytes: maxBytes))
      }
      decoded = try viaFFmpeg(
        path: path, maxWidth: maxWidth, maxHeight: maxHeight, maxBytes: maxBytes, timeout: timeout)
      if width > 0 && height > 0 {
        decoded.declaredWidth = width
        decoded.declaredHeight = height
      }
      decoded.notes.append("\(type.label) decoded through ffmpeg (first frame)")
    default: throw .corrupt("\(type.label) is not an image format")
    }
    decoded.image = decoded.image.fitted(maxWidth: maxWidth, maxHeight: maxHeight)
    return decoded
  }

  static func bombMessage(width: Int, height: Int, maxBytes: Int) -> String {
    let megabytes = Int64(width) * Int64(height) * 3 / (1 << 20)
    return
      "refused: the image declares \(width)×\(height) pixels (\(megabytes) MB decoded), over the \(maxBytes >> 20) MB preview limit"
  }

  static func png(path: String, maxBytes: Int) throws(PreviewError) -> Decoded {
    // The IHDR is checked here first: libpng reads on to the first IDAT before it reports
    // the size, and a bomb is often just a header.
    let facts = MediaFacts.read(.png, from: (try? SampleFile(path: path))?.bytes(at: 0, count: 64) ?? [])
    if let width = facts.width, let height = facts.height, Int64(width) * Int64(height) * 3 > Int64(maxBytes) {
      throw .tooLarge(bombMessage(width: width, height: height, maxBytes: maxBytes))
    }
    var result = cpng_result()
    let status = cpng_decode_file(path, maxBytes, &result)
    return try pngResult(&result, status: status, maxBytes: maxBytes)
  }

  /// Decodes PNG bytes already in memory (frames from ffmpeg and poppler).
  static func png(bytes: [UInt8], maxBytes: Int) throws(PreviewError) -> Decoded {
    var result = cpng_result()
    let status = bytes.withUnsafeBytes { raw in cpng_decode_memory(raw.baseAddress, raw.count, maxBytes, &result) }
    return try pngResult(&result, status: status, maxBytes: maxBytes)
  }

  private static func pngResult(_ result: inout cpng_result, status: Int32, maxBytes: Int) throws(PreviewError)
    -> Decoded
  {
    defer { cpng_free(&result) }
    let message = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let width = Int(result.declared_width)
    let height = Int(result.declared_height)
    switch status {
    case 1:
      let count = Int(result.width) * Int(result.height) * 3
      guard let pixels = result.pixels else { throw .corrupt("corrupt PNG: no pixels decoded") }
      let rgb = Array(UnsafeBufferPointer(start: pixels, count: count))
      return Decoded(
        image: PreviewImage(width: Int(result.width), height: Int(result.height), rgb: rgb), declaredWidth: width,
        declaredHeight: height)
    case 2: throw .tooLarge(bombMessage(width: width, height: height, maxBytes: maxBytes))
    default: throw .corrupt("corrupt PNG: \(pngReason(message))")
    }
  }

  /// libpng's terse messages ("Read Error", "IDAT: CRC error") as what is wrong with the
  /// file, keeping libpng's words in brackets for whoever digs further.
  static func pngReason(_ message: String) -> String {
    let lowered = message.lowercased()
    let chunk = message.split(separator: ":").first.map(String.init).flatMap { name in
      name.count == 4 && name.allSatisfy(\.isLetter) ? name : nil
    }
    let explained: String
    if message.isEmpty {
      return "cannot be decoded"
    } else if lowered.contains("read error") || lowered.contains("not enough image data")
      || lowered.contains("unexpected end") || lowered.contains("truncated")
    {
      explained = "the file is truncated: it ends before the image data does"
    } else if lowered.contains("crc error") {
      explained = "the \(chunk.map { "\($0) " } ?? "")chunk's checksum does not match: the file is damaged"
    } else if lowered.contains("incorrect data check") || lowered.contains("invalid")
      || lowered.contains("too far back")
      || lowered.contains("incorrect header check") || lowered.contains("bad adaptive filter")
      || lowered.contains("zlib") || lowered.contains("decompression")
    {
      explained = "the compressed image data is damaged"
    } else if lowered.contains("signature") || lowered.contains("not a png") || lowered.contains("ascii conversion") {
      explained = "not a PNG: the signature is wrong"
    } else if lowered.contains("too much image data") || lowered.contains("extra compressed data") {
      explained = "there is more image data than the header declares: the file is damaged"
    } else if lowered.contains("missing ihdr") || lowered.contains("ihdr") {
      explained = "the header chunk (IHDR) is missing or invalid"
    } else {
      return TerminalSanitizer.sanitize(message).text
    }
    return "\(explained) (libpng: \(TerminalSanitizer.sanitize(message).text))"
  }

  static func jpeg(path: String, maxWidth: Int, maxHeight: Int, maxBytes: Int) throws(PreviewError) -> Decoded {
    var result = cjpeg_result()
    let status = cjpeg_decode_file(path, UInt32(clamping: maxWidth), UInt32(clamping: maxHeight), maxBytes, &result)
    defer { cjpeg_free(&result) }
    let message = withUnsafeBytes(of: result.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let width = Int(result.declared_width)
    let height = Int(result.declared_height)
    switch status {
    case 1:
      guard let pixels = result.pixels else { throw .corrupt("corrupt JPEG: no pixels decoded") }
      let rgb = Array(UnsafeBufferPointer(start: pixels, count: Int(result.width) * Int(result.height) * 3))
      var decoded = Decoded(
        image: PreviewImage(width: Int(result.width), height: Int(result.height), rgb: rgb), declaredWidth: width,
        declaredHeight: height)
      if result.warnings > 0 {
        decoded.notes.append(
          "the JPEG is damaged or truncated: libjpeg reported \(result.warnings) problem(s); missing parts are grey")
      }
      return decoded
    case 2:
      throw .tooLarge(bombMessage(width: width, height: height, maxBytes: maxBytes))
    default:
      let reason = message.isEmpty ? "cannot be decoded" : message
      if reason.lowercased().contains("memory") {
        throw .tooLarge(
          "refused: decoding this \(width)×\(height) JPEG needs more than the \(maxBytes >> 20) MB preview limit")
      }
      throw .corrupt("corrupt JPEG: \(reason)")
    }
  }

  /// The first frame as PNG through ffmpeg, scaled down by ffmpeg itself.
  static func viaFFmpeg(path: String, maxWidth: Int, maxHeight: Int, maxBytes: Int, timeout: Double)
    throws(PreviewError)
    -> Decoded
  {
    let output = try ExternalTool.run(
      "ffmpeg",
      ["-nostdin", "-v", "error", "-i", path, "-frames:v", "1"] + scaleFilter(maxWidth, maxHeight)
        + ["-f", "image2pipe", "-vcodec", "png", "-"],
      timeout: timeout, maxOutput: maxBytes)
    guard output.status == 0, !output.stdout.isEmpty else {
      throw .corrupt("cannot decode the image: ffmpeg: \(output.reason)")
    }
    return try png(bytes: output.stdout, maxBytes: maxBytes)
  }

  /// An ffmpeg filter that shrinks (never enlarges) to fit the box, keeping the aspect.
  static func scaleFilter(_ width: Int, _ height: Int) -> [String] {
    [
      "-vf",
      "scale=w='min(\(max(2, width)),iw)':h='min(\(max(2, height)),ih)':force_original_aspect_ratio=decrease",
    ]
  }
}
