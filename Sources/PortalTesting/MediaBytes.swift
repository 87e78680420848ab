import Foundation

/// Small, well-formed media files built in memory, so tests make their own data.
public enum MediaBytes {
  /// A PNG signature and IHDR chunk (enough for detection and dimensions), then IEND.
  public static func png(width: UInt32, height: UInt32) -> Data {
    var data = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var ihdr = Data()
    ihdr.append(bigEndian: width)
    ihdr.append(bigEndian: height)
    ihdr.append(contentsOf: [8, 2, 0, 0, 0])
    data.append(chunk: "IHDR", ihdr)
    data.append(chunk: "IEND", Data())
    return data
  }

  /// A 16-bit mono PCM WAV of `seconds` of silence at `rate` Hz.
  public static func wav(seconds: Double, rate: UInt32 = 16_000) -> Data {
    let frames = UInt32(Double(rate) * seconds)
    let dataBytes = frames * 2
    var data = Data("RIFF".utf8)
    data.append(littleEndian: 36 + dataBytes)
    data.append(contentsOf: Array("WAVEfmt ".utf8))
    data.append(littleEndian: UInt32(16))
    data.append(littleEndian: UInt16(1))  // PCM
    data.append(littleEndian: UInt16(1))  // mono
    data.append(littleEndian: rate)
    data.append(littleEndian: rate * 2)
    data.append(littleEndian: UInt16(2))
    data.append(littleEndian: UInt16(16))
    data.append(contentsOf: Array("data".utf8))
    data.append(littleEndian: dataBytes)
    data.append(Data(count: Int(dataBytes)))
    return data
  }

  /// A JPEG's start: SOI, a JFIF APP0 and a baseline SOF0 with the dimensions.
  public static func jpeg(width: UInt16, height: UInt16) -> Data {
    var data = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
    data.append(contentsOf: Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
    data.append(contentsOf: [0xFF, 0xC0, 0x00, 0x11, 0x08])
    data.append(bigEndian: height)
    data.append(bigEndian: width)
    data.append(contentsOf: [0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01])
    data.append(contentsOf: [0xFF, 0xD9])
    return data
  }
}

extension Data {
  fileprivate mutating func append<T: FixedWidthInteger>(bigEndian value: T) {
    Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
  }

  fileprivate mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }

  fileprivate mutating func append(chunk type: String, _ body: Data) {
    append(bigEndian: UInt32(body.count))
    let typed = Data(type.utf8) + body
    append(typed)
    append(bigEndian: CRC32.checksum(typed))
  }
}

/// The CRC-32 PNG chunks carry.
enum CRC32 {
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  static func checksum(_ data: Data) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    return crc ^ 0xFFFF_FFFF
  }
}
