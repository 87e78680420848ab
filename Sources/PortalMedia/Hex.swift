import Crypto

/// Lower-case hexadecimal for digests, written straight into the String's storage
/// (one allocation per digest: this runs once per record).
enum Hex {
  private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

  /// The hex SHA-256 of `bytes` in one call (tests use it as an oracle for the framers'
  /// incremental hashing).
  static func sha256(_ bytes: [UInt8]) -> String {
    string(SHA256.hash(data: bytes))
  }

  static func string(_ digest: SHA256.Digest) -> String {
    digest.withUnsafeBytes { raw in
      String(unsafeUninitializedCapacity: raw.count * 2) { output in
        for (index, byte) in raw.enumerated() {
          output[index * 2] = digits[Int(byte >> 4)]
          output[index * 2 + 1] = digits[Int(byte & 0x0F)]
        }
        return raw.count * 2
      }
    }
  }
}
