import PortalCore

/// The one sample of a file that is not a record container: its header facts and, for
/// text, its excerpt, both taken before the file is streamed through the hasher.
struct SingleSample {
  /// Bytes of a text file's head decoded for its excerpt.
  private static let excerptHead = 16 * 1024

  let detection: MediaDetection
  private var facts = MediaFacts()
  private var excerpt: String?

  init(detection: MediaDetection) {
    self.detection = detection
  }

  /// Reads the facts (binary formats) or the excerpt (text) while `head` is in the buffer.
  mutating func prepare(reader: ChunkReader, head: UnsafeRawBufferPointer, run: inout AnalysisRun) {
    let type = detection.mediaType
    if type.modality == .text {
      guard type != .pdf, let encoding = detection.encoding else { return }
      let start = min(encoding.byteOrderMarkLength, head.count)
      let text = UnsafeRawBufferPointer(rebasing: head[start..<min(head.count, start + Self.excerptHead)])
      excerpt = run.excerpts.excerpt(text, encoding: encoding)
    } else {
      facts = MediaFacts.read(type, from: FileByteSource(descriptor: reader.descriptor, size: reader.size))
      for problem in facts.problems { run.addProblem(problem) }
    }
  }

  /// The sample covering the whole file, whose hash is the file's.
  func sample(length: Int64, sha256: String) -> AnalyzedSample {
    AnalyzedSample(
      offset: 0, length: length, sha256: sha256, mediaType: detection.mediaType, durationMillis: facts.durationMillis,
      width: facts.width, height: facts.height, sampleRate: facts.sampleRate, channels: facts.channels,
      bitsPerSample: facts.bitsPerSample, excerpt: excerpt)
  }
}
