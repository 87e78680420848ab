import PortalCore

/// Recordings: WAV read natively (8/16/24/32-bit PCM and float), other formats decoded
/// by ffmpeg to 8 kHz mono PCM and streamed through the column accumulator.
enum AudioPreviewer {
  static let ffmpegRate = 8_000

  static func preview(
    source: PreviewSource, file: SampleFile, options: PreviewOptions, facts: inout [PreviewFact],
    notices: inout [String]
  ) throws(PreviewError) -> AudioPreview {
    let transcript = source.transcript.map { text in
      text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSanitizer.sanitize(String($0)) }
    }
    if source.mediaType == .wav {
      let layout = try WAVLayout.parse(size: file.size) { file.bytes(at: $0, count: $1) }
      if layout.truncated {
        notices.append("the WAV data chunk is truncated: showing the \(layout.frames) frames present")
      }
      // Peak and RMS are facts even when no waveform is drawn (`portal preview --plain`).
      let levels = WaveformReader.measure(file: file, layout: layout, columns: options.columns)
      facts.append(PreviewFact("format", "\(layout.encoding.label) PCM"))
      return AudioPreview(
        duration: layout.duration, sampleRate: layout.sampleRate, channels: layout.channels, columns: levels.columns,
        peak: levels.peak, rms: levels.rms,
        isApproximate: levels.approximate, transcript: transcript)
    }
    let probe = try MediaProbe.probe(source.path, timeout: options.toolTimeout)
    if let codec = probe.audioCodec { facts.append(PreviewFact("codec", codec)) }
    var preview = AudioPreview(
      duration: probe.duration, sampleRate: probe.sampleRate, channels: probe.channels, columns: [], peak: nil,
      rms: nil,
      isApproximate: false, transcript: transcript)
    // Decoded even for text-only output: peak and RMS need every sample.
    let expected = Int64((probe.duration ?? 0) * Double(ffmpegRate))
    var accumulator = WaveformReader.Accumulator(columns: options.columns, expected: max(1, expected))
    var carry: UInt8?
    let output = try ExternalTool.stream(
      "ffmpeg",
      ["-nostdin", "-v", "error", "-i", source.path, "-vn", "-ac", "1", "-ar", String(ffmpegRate), "-f", "s16le", "-"],
      timeout: options.toolTimeout
    ) { chunk in
      var index = 0
      if let low = carry, let high = chunk.first {
        accumulator.add(Float(Int16(bitPattern: UInt16(low) | UInt16(high) << 8)) / 32_768)
        carry = nil
        index = 1
      }
      while index + 1 < chunk.count {
        accumulator.add(Float(Int16(bitPattern: UInt16(chunk[index]) | UInt16(chunk[index + 1]) << 8)) / 32_768)
        index += 2
      }
      if index < chunk.count { carry = chunk[index] }
      return true
    }
    if output.status != 0 && accumulator.received == 0 {
      throw .corrupt("cannot decode the recording: ffmpeg: \(output.reason)")
    }
    if output.status != 0 { notices.append("the recording is damaged: ffmpeg stopped early (\(output.reason))") }
    notices.append("decoded through ffmpeg")
    preview.columns = accumulator.columns
    preview.peak = accumulator.peak
    preview.rms = accumulator.rms
    return preview
  }
}

extension WAVLayout.Encoding {
  /// "16-bit", "32-bit float".
  var label: String {
    switch self {
    case .unsigned8: "8-bit"
    case .signed16: "16-bit"
    case .signed24: "24-bit"
    case .signed32: "32-bit"
    case .float32: "32-bit float"
    case .float64: "64-bit float"
    }
  }
}
