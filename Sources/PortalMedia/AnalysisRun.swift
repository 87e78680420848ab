import Crypto
import PortalCore

/// The state of one `FileAnalyzer.analyze` call: the summary being built, the whole-file
/// hasher, the excerpt scratch space. Lives on one thread for one file.
struct AnalysisRun {
  var file: AnalyzedFile
  private let options: FileAnalyzer.Options
  private var suppressedProblems = 0
  var excerpts = ExcerptBuilder()
  /// Scratch for joined CSV fields.
  var scratch: [UInt8] = []
  /// Scratch for unescaped JSON strings, written through a pointer.
  var jsonScratch = [UInt8](repeating: 0, count: excerptSourceLimit)
  /// Bytes of a record looked at for its excerpt (the builder stops at 280 characters).
  static let excerptSourceLimit = 4096

  init(entry: FileEntry, options: FileAnalyzer.Options) {
    file = AnalyzedFile(entry: entry)
    self.options = options
    scratch.reserveCapacity(Self.excerptSourceLimit + 8)
  }

  mutating func addProblem(_ reason: String) {
    guard file.problems.count < options.maxProblemsPerFile else {
      suppressedProblems += 1
      return
    }
    file.problems.append(FileProblem(path: file.entry.path, reason: reason))
  }

  // MARK: - Whole file

  mutating func analyze(reader: ChunkReader, onSample: (AnalyzedSample) throws -> Void) throws {
    defer {
      if suppressedProblems > 0 {
        file.problems.append(
          FileProblem(path: file.entry.path, reason: "… and \(suppressedProblems) more problems in this file"))
      }
    }
    var count: Int
    switch reader.fill() {
    case .success(let got): count = got
    case .failure(let failure):
      addProblem("read error: \(POSIX.message(failure.code))")
      return
    }
    guard count > 0 else {
      addProblem("empty file: skipped")
      return
    }
    let head = UnsafeRawBufferPointer(rebasing: reader.buffer[..<count])
    guard
      let detection = MediaDetector.detect(
        head, fileExtension: file.entry.fileExtension, isWholeFile: count < reader.buffer.count)
    else {
      addProblem("unrecognised format (binary content); supported: \(MediaDetector.supportedFormats)")
      return
    }
    file.mediaType = detection.mediaType
    file.encoding = detection.encoding
    file.table = detection.table
    for note in detection.notes { addProblem(note) }

    let encoding = detection.encoding ?? .utf8
    var hasher = SHA256()
    var offset: Int64 = 0
    var single = SingleSample(detection: detection)
    var lines = LineFramer()
    var rows = detection.table.map { CSVFramer(delimiter: $0.delimiter) }
    let framesLines = detection.mediaType == .jsonl && encoding.isASCIICompatible
    if !framesLines && rows == nil { single.prepare(reader: reader, head: head, run: &self) }
    let skip = encoding.isASCIICompatible ? encoding.byteOrderMarkLength : 0
    var headerPending = detection.table?.hasHeader ?? false
    while count > 0 {
      let chunk = UnsafeRawBufferPointer(rebasing: reader.buffer[..<count])
      hasher.update(bufferPointer: chunk)
      // A byte-order mark is not part of the first record.
      let start = offset == 0 ? min(skip, count) : 0
      let body = UnsafeRawBufferPointer(rebasing: chunk[start...])
      if framesLines {
        try lines.consume(body, at: offset + Int64(start)) { try emitLine($0, encoding: encoding, onSample) }
      } else if rows != nil, let table = detection.table {
        try rows?.consume(body, at: offset + Int64(start)) { span in
          if headerPending {
            headerPending = false
          } else {
            try emitRow(span, table: table, quoting: true, encoding: encoding, onSample)
          }
        }
      }
      offset += Int64(count)
      guard count == reader.buffer.count else { break }
      switch reader.fill() {
      case .success(let got): count = got
      case .failure(let failure):
        addProblem("read error after \(offset) bytes: \(POSIX.message(failure.code)); file hash not recorded")
        return
      }
    }
    file.byteCount = offset
    file.sha256 = Hex.string(hasher.finalize())
    if framesLines {
      try lines.finish { try emitLine($0, encoding: encoding, onSample) }
    } else if var framer = rows, let table = detection.table {
      let broken = try framer.finish { span in
        if headerPending {
          headerPending = false
        } else {
          try emitRow(span, table: table, quoting: true, encoding: encoding, onSample)
        }
      }
      if let broken { try reframe(from: broken, reader: reader, table: table, encoding: encoding, onSample) }
    } else if let sha256 = file.sha256 {
      file.sampleCount += 1
      try onSample(single.sample(length: offset, sha256: sha256))
    }
  }
}
