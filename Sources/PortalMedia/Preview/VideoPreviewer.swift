/// Videos: ffprobe's facts, a key frame and, when the pane has room, a strip of frames
/// across the duration, each grabbed by ffmpeg as PNG and decoded with libpng.
enum VideoPreviewer {
  /// Rows the strip takes (in cells), and the fewest body rows that leave room for it.
  static var stripRows: Int { VideoPreview.stripRows }
  static let stripMinimumRows = 16

  static func preview(
    source: PreviewSource, options: PreviewOptions, rows: Int, notices: inout [String]
  ) throws(PreviewError) -> VideoPreview {
    let probe = try MediaProbe.probe(source.path, timeout: options.toolTimeout)
    let codecs = [probe.videoCodec, probe.audioCodec].compactMap { $0 }
    var preview = VideoPreview(
      duration: probe.duration, width: probe.width, height: probe.height, frameRate: probe.frameRate, codecs: codecs,
      keyFrame: nil, strip: [])
    guard options.decodeMedia, probe.videoCodec != nil else {
      if probe.videoCodec == nil { notices.append("the file has no video stream") }
      return preview
    }
    let duration = probe.duration ?? 0
    let hasStrip = rows >= stripMinimumRows && duration > 0
    let keyRows = hasStrip ? rows - stripRows - 1 : rows
    do {
      let time = duration > 0 ? duration * 0.1 : 0
      preview.keyFrame = VideoFrame(
        time: time,
        image: try frame(path: source.path, at: time, width: options.columns, height: keyRows * 2, options: options))
      if hasStrip {
        let thumbnailWidth = 16
        let count = max(1, min(8, (options.columns + 1) / (thumbnailWidth + 1)))
        for index in 0..<count {
          let at = duration * (Double(index) + 0.5) / Double(count)
          let image = try frame(
            path: source.path, at: at, width: thumbnailWidth, height: stripRows * 2, options: options)
          preview.strip.append(VideoFrame(time: at, image: image))
        }
      }
    } catch {
      notices.append("no frame: \(error.description)")
    }
    return preview
  }

  /// One frame at `time` seconds, scaled by ffmpeg to fit the box.
  static func frame(path: String, at time: Double, width: Int, height: Int, options: PreviewOptions)
    throws(PreviewError)
    -> PreviewImage
  {
    let output = try ExternalTool.run(
      "ffmpeg",
      ["-nostdin", "-v", "error", "-ss", String(format3(time)), "-i", path, "-frames:v", "1"]
        + ImageDecoder.scaleFilter(width, height) + ["-f", "image2pipe", "-vcodec", "png", "-"],
      timeout: options.toolTimeout, maxOutput: options.maxImageBytes)
    guard output.status == 0, !output.stdout.isEmpty else { throw .corrupt("ffmpeg: \(output.reason)") }
    return try ImageDecoder.png(bytes: output.stdout, maxBytes: options.maxImageBytes).image.fitted(
      maxWidth: width, maxHeight: height)
  }

  static func format3(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
