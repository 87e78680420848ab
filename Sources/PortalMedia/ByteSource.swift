#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Random access to a file's bytes for header parsers, so they can jump over media
/// data (an MP4 `mdat`, a WAV `LIST`) instead of reading it.
protocol ByteSource {
  /// Total size in bytes.
  var size: Int64 { get }
  /// Up to `count` bytes at `offset`; fewer at the end of the file, none past it.
  func bytes(at offset: Int64, count: Int) -> [UInt8]
}

/// Bytes already in memory (tests, fuzzing, previews of a buffer).
struct MemoryByteSource: ByteSource {
  let data: [UInt8]
  var size: Int64 { Int64(data.count) }

  func bytes(at offset: Int64, count: Int) -> [UInt8] {
    guard offset >= 0, offset < size, count > 0 else { return [] }
    let start = Int(offset)
    return Array(data[start..<min(data.count, start + count)])
  }
}

/// An open file read with `pread`, which leaves no shared file position behind.
struct FileByteSource: ByteSource {
  let descriptor: Int32
  let size: Int64

  func bytes(at offset: Int64, count: Int) -> [UInt8] {
    guard offset >= 0, offset < size, count > 0 else { return [] }
    let wanted = Int(min(Int64(count), size - offset))
    return [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
      var done = 0
      while done < wanted {
        let got = pread(descriptor, buffer.baseAddress.map { $0 + done }, wanted - done, off_t(offset) + off_t(done))
        if got < 0 && errno == EINTR { continue }
        guard got > 0 else { break }
        done += got
      }
      initialized = done
    }
  }
}

extension [UInt8] {
  /// Little- and big-endian integer reads that return nil past the end, so a truncated
  /// header is a nil, never a trap.
  func uint16LE(_ at: Int) -> UInt16? {
    guard at >= 0, at + 2 <= count else { return nil }
    return UInt16(self[at]) | UInt16(self[at + 1]) << 8
  }

  func uint32LE(_ at: Int) -> UInt32? {
    guard at >= 0, at + 4 <= count else { return nil }
    return (0..<4).reduce(0) { $0 | UInt32(self[at + $1]) << (8 * $1) }
  }

  func uint16BE(_ at: Int) -> UInt16? {
    guard at >= 0, at + 2 <= count else { return nil }
    return UInt16(self[at]) << 8 | UInt16(self[at + 1])
  }

  func uint24BE(_ at: Int) -> UInt32? {
    guard at >= 0, at + 3 <= count else { return nil }
    return UInt32(self[at]) << 16 | UInt32(self[at + 1]) << 8 | UInt32(self[at + 2])
  }

  func uint32BE(_ at: Int) -> UInt32? {
    guard at >= 0, at + 4 <= count else { return nil }
    return (0..<4).reduce(0) { $0 << 8 | UInt32(self[at + $1]) }
  }

  func uint64BE(_ at: Int) -> UInt64? {
    guard at >= 0, at + 8 <= count else { return nil }
    return (0..<8).reduce(0) { $0 << 8 | UInt64(self[at + $1]) }
  }

  /// The four bytes at `at` as an ASCII chunk/box name ("IHDR", "moov").
  func fourCC(_ at: Int) -> String? {
    guard at >= 0, at + 4 <= count else { return nil }
    return String(decoding: self[at..<(at + 4)], as: UTF8.self)
  }
}
