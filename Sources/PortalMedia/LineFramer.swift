import Crypto

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Splits JSONL into records: one per non-blank line, without its `\n` or `\r\n`.
/// Lines found whole inside a read are hashed straight from the read buffer (no copy);
/// only lines crossing a read boundary go through a `RecordAccumulator`.
struct LineFramer {
  private var accumulator = RecordAccumulator()
  /// 1-based number of the line being read.
  private(set) var line = 1

  /// Frames the next read, which starts at `fileOffset`.
  mutating func consume(
    _ chunk: UnsafeRawBufferPointer, at fileOffset: Int64, emit: (RecordSpan) throws -> Void
  ) rethrows {
    guard let base = chunk.baseAddress else { return }
    var position = 0
    while position < chunk.count {
      guard let found = memchr(base + position, 0x0A, chunk.count - position) else {
        if !accumulator.isActive { accumulator.begin(at: fileOffset + Int64(position), line: line) }
        accumulator.append(UnsafeRawBufferPointer(rebasing: chunk[position...]))
        return
      }
      let end = UnsafeRawPointer(found) - base
      let piece = UnsafeRawBufferPointer(rebasing: chunk[position..<end])
      if accumulator.isActive {
        try finishAccumulated(piece, emit: emit)
      } else {
        try emitWhole(piece, at: fileOffset + Int64(position), emit: emit)
      }
      line += 1
      position = end + 1
    }
  }

  /// Emits the last line if the file does not end with a newline.
  mutating func finish(emit: (RecordSpan) throws -> Void) rethrows {
    if accumulator.isActive { try finishAccumulated(UnsafeRawBufferPointer(start: nil, count: 0), emit: emit) }
  }

  private mutating func finishAccumulated(_ piece: UnsafeRawBufferPointer, emit: (RecordSpan) throws -> Void) rethrows {
    try accumulator.finish(piece) { span in
      if !span.isBlank { try emit(span) }
    }
  }

  @inline(__always)
  private func emitWhole(_ piece: UnsafeRawBufferPointer, at offset: Int64, emit: (RecordSpan) throws -> Void) rethrows
  {
    var count = piece.count
    if count > 0 && piece[count - 1] == 0x0D { count -= 1 }
    let record = UnsafeRawBufferPointer(rebasing: piece[..<count])
    // Blank and whitespace-only lines are framing, not records.
    guard record.contains(where: { !TextFormatSniffer.isSpace($0) }) else { return }
    var validator = UTF8Validator()
    validator.feed(record)
    var hasher = SHA256()
    hasher.update(bufferPointer: record)
    try emit(
      RecordSpan(
        offset: offset, length: Int64(count), digest: hasher.finalize(),
        prefix: UnsafeRawBufferPointer(rebasing: record.prefix(RecordAccumulator.prefixLimit)), line: line,
        isValidUTF8: validator.finish()))
  }
}
