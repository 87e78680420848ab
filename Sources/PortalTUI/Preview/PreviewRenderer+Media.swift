import PortalMedia
import TerminalKit

// MARK: - Images, PDF pages, recordings and videos

extension PreviewRenderer {
  /// TerminalKit's pixel buffer for a preview image.
  static func pixelBuffer(_ image: PreviewImage) -> PixelBuffer {
    var pixels: [RGB] = []
    pixels.reserveCapacity(image.width * image.height)
    var index = 0
    while index + 2 < image.rgb.count {
      pixels.append(RGB(image.rgb[index], image.rgb[index + 1], image.rgb[index + 2]))
      index += 3
    }
    return PixelBuffer(width: image.width, height: image.height, pixels: pixels)
  }

  /// An image fitted to `rect` (two pixels per cell, half blocks), box-filtered first.
  func drawImage(_ image: PreviewImage, into terminal: any Terminal, in rect: Rect) {
    guard image.width > 0, !rect.isEmpty else { return }
    let fitted = image.fitted(maxWidth: rect.width, maxHeight: rect.height * 2)
    HalfBlockImage(image: Self.pixelBuffer(fitted)).render(into: terminal, in: rect)
  }

  /// A PDF page: its image beside the text on wide panes, above it on narrow ones.
  func drawDocument(_ document: DocumentPreview, into terminal: any Terminal, in rect: Rect, scroll: Int)
    -> PreviewDrawResult
  {
    var textRect = rect
    if drawsPictures, let image = document.image, image.width > 0 {
      if rect.width >= 60 {
        let imageWidth = min(rect.width / 3, (rect.height * 2) * image.width / max(1, image.height))
        drawImage(image, into: terminal, in: Rect(x: rect.x, y: rect.y, width: imageWidth, height: rect.height))
        textRect = Rect(x: rect.x + imageWidth + 2, y: rect.y, width: rect.width - imageWidth - 2, height: rect.height)
      } else {
        let imageRows = rect.height / 2
        drawImage(image, into: terminal, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: imageRows))
        textRect = Rect(x: rect.x, y: rect.y + imageRows, width: rect.width, height: rect.height - imageRows)
      }
    }
    return drawLines(document.text, into: terminal, in: textRect, scroll: scroll)
  }

  /// Sanitised lines wrapped to `rect` and scrolled by `scroll` rows.
  func drawLines(_ lines: [SanitizedText], into terminal: any Terminal, in rect: Rect, scroll: Int) -> PreviewDrawResult
  {
    guard !rect.isEmpty else { return PreviewDrawResult() }
    var rows: [SanitizedText] = []
    for line in lines {
      var remaining = line
      while DisplayWidth.of(remaining.text) > rect.width {
        let (head, tail) = split(remaining, columns: rect.width, atWord: true)
        rows.append(head)
        remaining = tail
      }
      rows.append(remaining)
    }
    let maxScroll = max(0, rows.count - rect.height)
    let start = min(scroll, maxScroll)
    for (offset, row) in rows.dropFirst(start).prefix(rect.height).enumerated() {
      drawSanitized(row, at: Point(x: rect.x, y: rect.y + offset), width: rect.width, style: .plain, into: terminal)
    }
    return PreviewDrawResult(maxScroll: maxScroll)
  }

  /// A waveform with a time axis; the transcript below it when there is one. Without
  /// pictures, only the transcript (the levels are on the facts row).
  func drawAudio(_ audio: AudioPreview, into terminal: any Terminal, in rect: Rect, scroll: Int) -> PreviewDrawResult {
    let hasTranscript = !(audio.transcript ?? []).isEmpty
    let waveRows = !drawsPictures ? 0 : hasTranscript ? max(3, min(9, rect.height / 2)) : min(rect.height - 1, 15)
    if !audio.columns.isEmpty && waveRows > 0 {
      var samples: [Float] = []
      samples.reserveCapacity(audio.columns.count * 2)
      for column in audio.columns { samples.append(contentsOf: [column.min, column.max]) }
      var wave = Waveform(samples: samples)
      wave.style = styles.wave
      wave.render(
        into: terminal, in: Rect(x: rect.x, y: rect.y, width: min(rect.width, audio.columns.count), height: waveRows))
    }
    var y = rect.y + max(0, waveRows)
    if drawsPictures, let duration = audio.duration, y < rect.maxY {
      let end = PreviewFormat.duration(duration)
      let axis =
        DisplayWidth.fit("0:00", to: max(0, rect.width - DisplayWidth.of(end)), alignment: .leading, ellipsis: "") + end
      terminal.put(text: axis, in: Rect(x: rect.x, y: y, width: rect.width, height: 1), style: styles.gutter)
      y += 1
    }
    guard let transcript = audio.transcript, !transcript.isEmpty, y < rect.maxY else { return PreviewDrawResult() }
    terminal.put(text: "Transcript", in: Rect(x: rect.x, y: y, width: rect.width, height: 1), style: styles.title)
    return drawLines(
      transcript, into: terminal, in: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1),
      scroll: scroll)
  }

  /// The key frame large, then a strip of frames across the duration with their times.
  func drawVideo(_ video: VideoPreview, into terminal: any Terminal, in rect: Rect) {
    let stripHeight = video.strip.isEmpty ? 0 : VideoPreview.stripRows + 1
    if let key = video.keyFrame {
      drawImage(
        key.image, into: terminal, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: rect.height - stripHeight))
    } else {
      terminal.put(text: "(no frame)", in: rect.row(0), style: styles.gutter)
    }
    guard stripHeight > 0 else { return }
    let top = rect.maxY - stripHeight
    var x = rect.x
    for frame in video.strip {
      let width = frame.image.width
      guard x + width <= rect.maxX else { break }
      drawImage(frame.image, into: terminal, in: Rect(x: x, y: top, width: width, height: VideoPreview.stripRows))
      terminal.put(
        text: PreviewFormat.duration(frame.time), in: Rect(x: x, y: rect.maxY - 1, width: width, height: 1),
        style: styles.gutter)
      x += width + 1
    }
  }
}
