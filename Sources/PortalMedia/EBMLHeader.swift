import PortalCore

/// Reads the DocType of an EBML header, which is what tells WebM from Matroska.
enum EBMLHeader {
  /// `.webm` for doc type "webm", `.matroska` for "matroska", nil for other EBML files
  /// or a header too damaged to read.
  static func docType(_ bytes: UnsafeRawBufferPointer) -> MediaType? {
    var reader = Reader(bytes: bytes, position: 4)
    guard let headerSize = reader.size() else { return nil }
    let end = min(bytes.count, reader.position + Int(min(headerSize, 4096)))
    while reader.position < end {
      guard let identifier = reader.identifier(), let size = reader.size() else { return nil }
      let start = reader.position
      guard start <= end, size <= UInt64(end - start) else { return nil }
      if identifier == 0x4282 {
        let name = bytes[start..<(start + Int(size))].prefix { $0 != 0 }
        switch String(decoding: name, as: UTF8.self) {
        case "webm": return .webm
        case "matroska": return .matroska
        default: return nil
        }
      }
      reader.position = start + Int(size)
    }
    return nil
  }

  /// EBML variable-length integers: the count of leading zero bits gives the length.
  private struct Reader {
    let bytes: UnsafeRawBufferPointer
    var position: Int

    /// An element ID, marker bit kept (IDs are compared as written).
    mutating func identifier() -> UInt64? { vint(keepMarker: true, maxLength: 4) }

    /// An element size, marker bit removed.
    mutating func size() -> UInt64? { vint(keepMarker: false, maxLength: 8) }

    private mutating func vint(keepMarker: Bool, maxLength: Int) -> UInt64? {
      guard position < bytes.count else { return nil }
      let first = bytes[position]
      let length = first.leadingZeroBitCount + 1
      guard length <= maxLength, position + length <= bytes.count else { return nil }
      var value = UInt64(keepMarker ? first : first & (0xFF >> length))
      for index in 1..<length { value = value << 8 | UInt64(bytes[position + index]) }
      position += length
      return value
    }
  }
}
