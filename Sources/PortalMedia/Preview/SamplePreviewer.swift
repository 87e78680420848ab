import PortalCore

/// Builds the preview of one sample: the one entry point front ends reach through
/// `PortalSession.preview`. It never throws: whatever goes wrong (a vanished file, a
/// corrupt image, a missing tool) becomes a one-line reason in the preview, next to the
/// facts that could still be read.
public enum SamplePreviewer {
  /// Reads the sample and builds its preview for a pane of `options.columns` × `options.rows`.
  public static func preview(_ source: PreviewSource, options: PreviewOptions = PreviewOptions()) -> SamplePreview {
    var facts: [PreviewFact] = [
      PreviewFact("", source.mediaType.label), PreviewFact("", PreviewFormat.bytes(source.length)),
    ]
    var notices: [String] = []
    var title = source.relativePath
    if source.mediaType.isRecordContainer { title += " @ \(source.offset)" }
    title += "  #\(source.ordinal)"
    let content: PreviewContent
    do {
      content = try build(source, options: options, facts: &facts, notices: &notices)
    } catch {
      content = .failure(error.description)
    }
    return SamplePreview(title: title, mediaType: source.mediaType, facts: facts, notices: notices, content: content)
  }

  private static func build(
    _ source: PreviewSource, options: PreviewOptions, facts: inout [PreviewFact], notices: inout [String]
  ) throws(PreviewError) -> PreviewContent {
    let file = try SampleFile(path: source.path, offset: source.offset, length: source.length)
    try checkMagic(source, file: file)
    if file.size < source.length {
      throw .unreadable("the file is shorter than when it was imported (run `portal import --rescan`)")
    }
    // Notices take rows at the bottom of the pane.
    let bodyRows = { (notes: Int) in max(1, options.rows - min(3, notes)) }
    switch source.mediaType {
    case .plainText, .markdown:
      var pageNotices: [String] = []
      let page = TextPreviewer.page(
        file: file, isMarkdown: source.mediaType == .markdown, options: options, rows: bodyRows(notices.count),
        notices: &pageNotices)
      notices += pageNotices
      facts.append(PreviewFact("", page.encoding.label))
      facts.append(
        PreviewFact("lines", page.lineCount.label(PreviewFormat.count)))
      return .text(page)
    case .jsonl:
      let cap = Int(min(source.length, 1 << 20))
      let bytes = file.bytes(at: 0, count: cap)
      if source.length > Int64(cap) {
        notices.append("the record is \(PreviewFormat.bytes(source.length)); its first 1 MB is shown")
      }
      let printed = JSONPrettyPrinter.print(bytes)
      return .json(
        JSONRecordPreview(offset: source.offset, length: source.length, lines: printed.lines, problem: printed.problem))
    case .csv, .tsv:
      let table = try TablePreviewer.table(source: source, notices: &notices)
      facts.append(PreviewFact("columns", String(table.columnCount)))
      return .table(table)
    case .pdf:
      let document = try DocumentPreviewer.preview(source: source, options: options, notices: &notices)
      if let count = document.pageCount { facts.append(PreviewFact("page", "\(document.page) of \(count)")) }
      return .document(document)
    case .png, .jpeg, .gif, .webp:
      let rows = bodyRows(notices.count + 1)
      let decoded = try ImageDecoder.decode(
        path: source.path, type: source.mediaType, maxWidth: options.columns, maxHeight: rows * 2,
        maxBytes: options.maxImageBytes, timeout: options.toolTimeout)
      facts.insert(PreviewFact("", "\(decoded.declaredWidth)×\(decoded.declaredHeight)"), at: 1)
      notices += decoded.notes
      return .image(decoded.image)
    case .wav, .flac, .mp3, .ogg:
      let audio = try AudioPreviewer.preview(
        source: source, file: file, options: options, facts: &facts, notices: &notices)
      if let duration = audio.duration { facts.insert(PreviewFact("", PreviewFormat.duration(duration)), at: 1) }
      if let rate = audio.sampleRate { facts.append(PreviewFact("", PreviewFormat.rate(rate))) }
      if let channels = audio.channels {
        facts.append(PreviewFact("", channels == 1 ? "mono" : channels == 2 ? "stereo" : "\(channels) ch"))
      }
      if let peak = audio.peak {
        facts.append(PreviewFact("peak", (audio.isApproximate ? "≈ " : "") + PreviewFormat.decibels(peak)))
      }
      if let rms = audio.rms {
        facts.append(PreviewFact("RMS", (audio.isApproximate ? "≈ " : "") + PreviewFormat.decibels(rms)))
      }
      return .audio(audio)
    case .mp4, .webm, .matroska:
      var videoNotices: [String] = []
      let video = try VideoPreviewer.preview(
        source: source, options: options, rows: bodyRows(notices.count + 1), notices: &videoNotices)
      notices += videoNotices
      if let duration = video.duration { facts.insert(PreviewFact("", PreviewFormat.duration(duration)), at: 1) }
      if let width = video.width, let height = video.height { facts.append(PreviewFact("", "\(width)×\(height)")) }
      if let rate = video.frameRate { facts.append(PreviewFact("", PreviewFormat.decimal(rate) + " fps")) }
      if !video.codecs.isEmpty { facts.append(PreviewFact("", video.codecs.joined(separator: "/"))) }
      return .video(video)
    }
  }

  /// Binary formats must still start with their magic bytes: a file replaced since the
  /// import (or renamed to fool it) is reported, not fed to a decoder for another format.
  private static func checkMagic(_ source: PreviewSource, file: SampleFile) throws(PreviewError) {
    guard source.mediaType.modality != .text || source.mediaType == .pdf else { return }
    let head = file.bytes(at: 0, count: 64)
    guard !head.isEmpty else { throw .corrupt("the file is empty") }
    let fileExtension = source.path.split(separator: ".").last.map(String.init) ?? ""
    let detected = MediaDetector.detect(head, fileExtension: fileExtension, isWholeFile: file.size <= 64)
    if let detected, detected.mediaType == source.mediaType { return }
    if let detected, [MediaType.webm, .matroska].contains(detected.mediaType),
      [MediaType.webm, .matroska].contains(source.mediaType)
    {
      return
    }
    let now = detected.map { "looks like \($0.mediaType.label)" } ?? "has no known signature"
    throw .corrupt(
      "wrong magic bytes: the sample was imported as \(source.mediaType.label) but the file \(now) (run `portal import --rescan`)"
    )
  }
}
