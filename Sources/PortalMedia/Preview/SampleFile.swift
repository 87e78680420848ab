#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A sample's bytes in its file, read with `pread` on demand: offsets are relative to
/// the sample, reads never leave it, and nothing is mapped (a file truncated while it is
/// read gives short reads, not a SIGBUS as `mmap` would).
final class SampleFile: @unchecked Sendable {
  /// Bytes in the sample.
  let size: Int64
  private let base: Int64
  private let descriptor: Int32

  /// Opens `path` for the sample at `offset` of `length` bytes (nil: to the end).
  init(path: String, offset: Int64 = 0, length: Int64? = nil) throws(PreviewError) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      let reason = errno == ENOENT ? "the file is gone" : String(cString: strerror(errno))
      throw PreviewError.unreadable("cannot open \(path): \(reason)")
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0, POSIX.kind(info.st_mode) == S_IFREG else {
      close(descriptor)
      throw PreviewError.unreadable("\(path) is not a regular file")
    }
    let fileSize = Int64(info.st_size)
    let wanted = length ?? (fileSize - offset)
    guard offset >= 0, offset <= fileSize else {
      close(descriptor)
      throw PreviewError.unreadable("the file is shorter than when it was imported (run `portal import --rescan`)")
    }
    self.descriptor = descriptor
    base = offset
    size = max(0, min(wanted, fileSize - offset))
  }

  deinit { close(descriptor) }

  /// Up to `count` bytes at `offset` in the sample (fewer at its end).
  func bytes(at offset: Int64, count: Int) -> [UInt8] {
    guard offset >= 0, offset < size, count > 0 else { return [] }
    let wanted = Int(min(Int64(count), size - offset))
    return [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
      initialized = read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
    }
  }

  /// Fills `buffer` from `offset`; returns the bytes read (short at the end or on error).
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) -> Int {
    guard let address = buffer.baseAddress, offset >= 0, offset < size else { return 0 }
    let wanted = Int(min(Int64(buffer.count), size - offset))
    var done = 0
    while done < wanted {
      let got = pread(descriptor, address + done, wanted - done, off_t(base + offset) + off_t(done))
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { break }
      done += got
    }
    return done
  }
}
