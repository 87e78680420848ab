import Foundation

/// What `ffprobe` says about a recording or video: duration, streams, codecs.
struct MediaProbe {
  var duration: Double?
  var width: Int?
  var height: Int?
  var frameRate: Double?
  var sampleRate: Int?
  var channels: Int?
  var videoCodec: String?
  var audioCodec: String?

  /// Runs ffprobe on `path`.
  static func probe(_ path: String, timeout: Double) throws(PreviewError) -> MediaProbe {
    let output = try ExternalTool.run(
      "ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", path], timeout: timeout,
      maxOutput: 4 << 20)
    guard output.status == 0 else { throw .corrupt("ffprobe cannot read the file: \(output.reason)") }
    return parse(output.stdout)
  }

  /// Reads ffprobe's JSON; anything missing or malformed is left nil.
  static func parse(_ json: [UInt8]) -> MediaProbe {
    var probe = MediaProbe()
    guard let root = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else { return probe }
    if let format = root["format"] as? [String: Any], let text = format["duration"] as? String {
      probe.duration = Double(text).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
    }
    for stream in root["streams"] as? [[String: Any]] ?? [] {
      let codec = stream["codec_name"] as? String
      switch stream["codec_type"] as? String {
      case "video" where probe.videoCodec == nil:
        probe.videoCodec = codec
        probe.width = stream["width"] as? Int
        probe.height = stream["height"] as? Int
        probe.frameRate = rate(stream["avg_frame_rate"] as? String) ?? rate(stream["r_frame_rate"] as? String)
      case "audio" where probe.audioCodec == nil:
        probe.audioCodec = codec
        probe.sampleRate = (stream["sample_rate"] as? String).flatMap { Int($0) }
        probe.channels = stream["channels"] as? Int
        if probe.duration == nil, let text = stream["duration"] as? String { probe.duration = Double(text) }
      default: break
      }
    }
    return probe
  }

  /// "30000/1001" → 29.97.
  static func rate(_ text: String?) -> Double? {
    guard let parts = text?.split(separator: "/"), parts.count == 2, let top = Double(parts[0]),
      let bottom = Double(parts[1]), bottom > 0, top > 0
    else { return nil }
    return top / bottom
  }
}
